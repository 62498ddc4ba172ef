using Tuner.Trainers.Components;

namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0.</summary>
internal sealed class ConstantSchedule(double initial) : ILearningRateSchedule
{
    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("constant", "lr0 throughout, the default", [], (lr0, _, _) => new ConstantSchedule(lr0));

    public double LearningRate(int epoch) => initial;

    public void Observe(double validationLoss) { }
}
