using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0 / (1 + decay·t).</summary>
internal sealed class InverseTimeSchedule(double initial, double decay) : ILearningRateSchedule
{
    public static readonly ParameterInfo DecayParameter =
        ParameterInfo.Float(ParameterNames.LearningRateDecay, 0.1, "inverse_time: k in lr0/(1+k·t)", min: 0);

    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("inverse_time", "lr0/(1+k·t)", [DecayParameter], (lr0, _, p) => new InverseTimeSchedule(lr0, DecayParameter.ReadDouble(p)));

    public double LearningRate(int epoch) => initial / (1 + decay * epoch);

    public void Observe(double validationLoss) { }
}
