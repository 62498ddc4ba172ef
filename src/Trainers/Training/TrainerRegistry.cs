using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Mlp;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Optimizers;
using Tuner.Trainers.Schedules;
using Tuner.Trainers.Sgd;

namespace Tuner.Trainers.Training;

/// <summary>
/// The registry of trainers: every name a search space may use, with the parameters each reads, and the families
/// --trainers names. Our own gradient trainers do every task (regression targets scaled to unit size for them);
/// the ML.NET ones are <see cref="MlNetCatalog"/>'s.
/// </summary>
internal static class TrainerRegistry
{
    public static readonly IReadOnlyList<TrainerEntry> All =
    [
        new("sgd", "sgd", Enum.GetValues<TaskKind>(), "our linear model, trained in mini-batches",
            task => [.. GradientLoopParameters(task)], _ => new TargetScaling(new SgdTrainer())),
        new("mlp", "mlp", Enum.GetValues<TaskKind>(), "our network of 1–3 hidden layers, trained in mini-batches",
            task => [.. GradientLoopParameters(task), .. MlpTrainer.Parameters], _ => new TargetScaling(new MlpTrainer())),
        .. MlNetCatalog.All.Select(FromCatalog),
    ];

    public static IEnumerable<string> Names => All.Select(e => e.Name);

    public static IEnumerable<string> KnownFamilies => All.Select(e => e.Family).Distinct().Order(StringComparer.Ordinal);

    public static TrainerEntry? Find(string trainer) => All.FirstOrDefault(e => e.Name == trainer);

    public static bool IsKnown(string trainer) => Find(trainer) is not null;

    public static string FamilyOf(string trainer) => Find(trainer)?.Family ?? trainer;

    public static bool Supports(string trainer, TaskKind task) => Find(trainer)?.Supports(task) ?? false;

    /// <summary>
    /// The first epoch at which stopping a run saves training: a boosted trainer fits its first stage of rounds
    /// whole, and a forest reports its trees only once all are grown, so it is never stopped.
    /// </summary>
    public static int FirstPrunableEpoch(string trainer) => Find(trainer)?.FirstPrunableEpoch ?? 1;

    /// <summary>
    /// A fresh trainer for one fold of one trial; the seed makes its randomness reproducible. Its regression models
    /// predict within the training labels' range (<see cref="LabelRange"/>).
    /// </summary>
    public static IEpochTrainer Create(string trainer, int seed) =>
        new LabelRange((Find(trainer) ?? throw new ArgumentException($"Unknown trainer '{trainer}'; known: {string.Join(", ", Names)}.", nameof(trainer))).Create(seed));

    /// <summary>What the shared mini-batch loop reads: loop, loss (and class weights), schedule, optimiser and clipping.</summary>
    private static IEnumerable<ParameterInfo> GradientLoopParameters(TaskKind task) =>
        LoopSettings.Parameters
            .Concat(LossFactory.ParametersFor(task))
            .Concat(task == TaskKind.Regression ? Array.Empty<ParameterInfo>() : [ClassWeights.Parameter])
            .Concat(ScheduleFactory.Parameters)
            .Concat(OptimizerFactory.Parameters)
            .Concat(GradientClipper.Parameters);

    private static TrainerEntry FromCatalog(MlNetTrainerSpec spec) => new(
        spec.Name, spec.Family, [spec.Task], $"ML.NET {spec.Family}", _ => spec.Parameters,
        seed => spec.Boosted ? new BoostedTreeTrainer(spec, seed) : spec.Forest ? new ForestTreeTrainer(spec, seed) : new MlNetTrainer(spec, seed),
        spec.Boosted ? BoostedTreeTrainer.FirstStage : spec.Forest ? int.MaxValue : 1);
}
