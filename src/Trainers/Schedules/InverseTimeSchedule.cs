namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0 / (1 + decay·t).</summary>
public sealed class InverseTimeSchedule(double initial, double decay) : ILearningRateSchedule
{
    public double LearningRate(int epoch) => initial / (1 + decay * epoch);

    public void Observe(double validationLoss) { }
}
