using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>lr(t) = lr0 · γ^⌊t / stepSize⌋.</summary>
internal sealed class StepSchedule(double initial, int stepSize, double gamma) : ILearningRateSchedule
{
    public static readonly ParameterInfo SizeParameter = ParameterInfo.Int(ParameterNames.StepSize, 10, "step: epochs per step", min: 1);

    public static readonly ParameterInfo GammaParameter =
        ParameterInfo.Float(ParameterNames.StepGamma, 0.5, "step: factor applied at every step", min: 0, max: 1, minExclusive: true);

    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("step", "lr0·γ^⌊t/step_size⌋", [SizeParameter, GammaParameter],
            (lr0, _, p) => new StepSchedule(lr0, SizeParameter.ReadInt(p), GammaParameter.ReadDouble(p)));

    private readonly int _stepSize = (int)SizeParameter.Require(stepSize);

    public double LearningRate(int epoch) => initial * Math.Pow(gamma, epoch / _stepSize);

    public void Observe(double validationLoss) { }
}
