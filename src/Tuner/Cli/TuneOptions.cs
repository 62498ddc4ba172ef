using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Data;

namespace Tuner.Cli;

/// <summary>The options of `tuner tune`, as given on the command line.</summary>
public sealed record TuneOptions(
    string Data,
    string Label,
    string? ValidationData,
    TaskKind? Task,
    string? Metric,
    double? TimeSeconds,
    int? Trials,
    double? Target,
    string? SpacePath,
    IReadOnlyList<string> Trainers,
    string Sampler,
    string Pruner,
    int Parallel,
    int? Folds,
    IReadOnlyList<string> IgnoreColumns,
    int Seed,
    string? Study,
    string? Storage,
    string? Out,
    double HeartbeatTimeoutSeconds = StudyPlan.DefaultHeartbeatTimeoutSeconds,
    string? PositiveClass = null,
    IReadOnlyList<string>? TextMissing = null)
{
    /// <summary>How the data's cells are read: the default format, with --text-missing's values also missing in text columns.</summary>
    public CellFormat Cells => CellFormat.Default.WithTextMissing(TextMissing ?? []);

    public string StudyName => Study ?? $"{Path.GetFileNameWithoutExtension(Data)}-{Label}";

    public string OutDirectory => Out ?? StoredStudy.DefaultDirectory(StudyName);

    public string StoragePath => Storage ?? Path.Combine(OutDirectory, "study.db");
}
