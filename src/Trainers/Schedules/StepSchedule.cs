namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0 · γ^⌊t / stepSize⌋.</summary>
public sealed class StepSchedule(double initial, int stepSize, double gamma) : ILearningRateSchedule
{
    private readonly int _stepSize = stepSize >= 1 ? stepSize : throw new ArgumentOutOfRangeException(nameof(stepSize), "step_size must be ≥ 1.");

    public double LearningRate(int epoch) => initial * Math.Pow(gamma, epoch / _stepSize);

    public void Observe(double validationLoss) { }
}
