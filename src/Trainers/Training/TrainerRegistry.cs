using Tuner.Trainers.Data;
using Tuner.Trainers.Mlp;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Sgd;

namespace Tuner.Trainers.Training;

/// <summary>
/// Maps trainer names in a search space to trainers, and trainer families (--trainers) to names.
/// </summary>
public static class TrainerRegistry
{
    /// <summary>Our own gradient trainers, for every task; regression targets are scaled to unit size for them.</summary>
    private static readonly IReadOnlyDictionary<string, Func<int, IEpochTrainer>> Custom =
        new Dictionary<string, Func<int, IEpochTrainer>>(StringComparer.Ordinal)
        {
            ["sgd"] = _ => new TargetScaling(new SgdTrainer()),
            ["mlp"] = _ => new TargetScaling(new MlpTrainer()),
        };

    public static IEnumerable<string> KnownFamilies =>
        MlNetCatalog.All.Select(s => s.Family).Concat(Custom.Keys).Distinct().Order(StringComparer.Ordinal);

    public static bool IsKnown(string trainer) => MlNetCatalog.Find(trainer) is not null || Custom.ContainsKey(trainer);

    public static string FamilyOf(string trainer) => MlNetCatalog.Find(trainer)?.Family ?? trainer;

    public static bool Supports(string trainer, TaskKind task) =>
        MlNetCatalog.Find(trainer) is { } spec ? spec.Task == task : Custom.ContainsKey(trainer);

    /// <summary>
    /// The first epoch at which stopping a run saves training: a boosted trainer fits its first stage of rounds
    /// whole, and a forest reports its trees only once all are grown, so it is never stopped.
    /// </summary>
    public static int FirstPrunableEpoch(string trainer) => MlNetCatalog.Find(trainer) switch
    {
        { Boosted: true } => BoostedTreeTrainer.FirstStage,
        { Forest: true } => int.MaxValue,
        _ => 1,
    };

    /// <summary>A fresh trainer for one fold of one trial; the seed makes its randomness reproducible.</summary>
    public static IEpochTrainer Create(string trainer, int seed) =>
        MlNetCatalog.Find(trainer) is { } spec ? spec.Boosted ? new BoostedTreeTrainer(spec, seed) : spec.Forest ? new ForestTreeTrainer(spec, seed) : new MlNetTrainer(spec, seed)
        : Custom.TryGetValue(trainer, out var create) ? create(seed)
        : throw new ArgumentException($"Unknown trainer '{trainer}'; known: {string.Join(", ", MlNetCatalog.All.Select(s => s.Name).Concat(Custom.Keys))}.", nameof(trainer));
}
