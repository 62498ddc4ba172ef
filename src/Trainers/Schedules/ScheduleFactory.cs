using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>Builds a schedule for a run of <paramref name="epochs"/> epochs starting at <paramref name="initial"/>.</summary>
internal delegate ILearningRateSchedule ScheduleCreator(double initial, int epochs, HyperParameters parameters);

/// <summary>
/// The registry of learning-rate schedules: the <c>schedule</c> hyper-parameter names one, with linear warmup in
/// front when asked. A new schedule is a class with its own <c>Entry</c>, listed here.
/// </summary>
internal static class ScheduleFactory
{
    public static readonly IReadOnlyList<ComponentEntry<ScheduleCreator>> All =
    [
        ConstantSchedule.Entry, InverseTimeSchedule.Entry, StepSchedule.Entry, ExponentialSchedule.Entry,
        CosineSchedule.Entry, OneCycleSchedule.Entry, PlateauSchedule.Entry,
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToList();

    public static readonly ParameterInfo LearningRate =
        ParameterInfo.Float(ParameterNames.LearningRate, 0.01, "lr0, the initial learning rate", min: 0, minExclusive: true);

    public static readonly ParameterInfo Schedule = ParameterInfo.Choice(ParameterNames.Schedule, Names[0], "the learning-rate schedule; t counts epochs from 0", Names);

    public static readonly ParameterInfo Warmup = ParameterInfo.Choice(ParameterNames.Warmup, "linear", "none turns warmup_epochs off (a space's switch for it)", ["linear", "none"]);

    public static readonly ParameterInfo WarmupEpochs =
        ParameterInfo.Int(ParameterNames.WarmupEpochs, 0, "epochs of linear warmup in front of the schedule", min: 0);

    /// <summary>The schedule parameters and every schedule's own.</summary>
    public static IEnumerable<ParameterInfo> Parameters =>
        All.SelectMany(e => e.Parameters).Prepend(WarmupEpochs).Prepend(Warmup).Prepend(Schedule).Prepend(LearningRate).DistinctBy(p => p.Name);

    public static ILearningRateSchedule Create(HyperParameters parameters, int epochs)
    {
        double lr0 = LearningRate.ReadDouble(parameters);
        int warmup = Warmup.ReadChoice(parameters) == "none" ? 0 : WarmupEpochs.ReadInt(parameters);
        int remaining = Math.Max(1, epochs - warmup);
        string name = Schedule.ReadChoice(parameters);
        var entry = All.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"Unknown schedule '{name}'; use one of: {string.Join(", ", Names)}.");
        var inner = entry.Create(lr0, remaining, parameters);
        return warmup > 0 ? new WarmupSchedule(lr0, warmup, inner) : inner;
    }
}
