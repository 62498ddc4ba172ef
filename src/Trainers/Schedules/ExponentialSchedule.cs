namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0 · γ^t.</summary>
public sealed class ExponentialSchedule(double initial, double gamma) : ILearningRateSchedule
{
    public double LearningRate(int epoch) => initial * Math.Pow(gamma, epoch);

    public void Observe(double validationLoss) { }
}
