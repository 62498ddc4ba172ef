namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0.</summary>
public sealed class ConstantSchedule(double initial) : ILearningRateSchedule
{
    public double LearningRate(int epoch) => initial;

    public void Observe(double validationLoss) { }
}
