using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0 · γ^t.</summary>
internal sealed class ExponentialSchedule(double initial, double gamma) : ILearningRateSchedule
{
    public static readonly ParameterInfo GammaParameter =
        ParameterInfo.Float(ParameterNames.ExponentialGamma, 0.9, "exponential: factor per epoch", min: 0, max: 1, minExclusive: true);

    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("exponential", "lr0·γ^t", [GammaParameter], (lr0, _, p) => new ExponentialSchedule(lr0, GammaParameter.ReadDouble(p)));

    public double LearningRate(int epoch) => initial * Math.Pow(gamma, epoch);

    public void Observe(double validationLoss) { }
}
