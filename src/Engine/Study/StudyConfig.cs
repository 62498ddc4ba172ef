namespace Tuner.Study;

/// <summary>
/// What defines a study, stored with it so a rerun can check it is continuing the same study and a report
/// can describe it. Serialized as JSON in the store.
/// </summary>
public sealed record StudyConfig(
    string DataPath,
    string? ValidationPath,
    string DataFingerprint,
    string Label,
    string Task,
    string Metric,
    bool HigherIsBetter,
    int Seed,
    int Folds,
    IReadOnlyList<string> IgnoreColumns,
    IReadOnlyList<string> Classes,
    string? PositiveClass,
    int Rows,
    int FeatureColumns,
    string Featurization,
    IReadOnlyList<string> Trainers,
    string SearchSpace,
    IReadOnlyList<int>? ClassCounts = null,
    IReadOnlyList<string>? TextMissing = null)
{
    /// <summary>How the study reads its data's cells (stores written before the format was recorded read them by the default).</summary>
    public Tuner.Trainers.Data.CellFormat Cells => Tuner.Trainers.Data.CellFormat.Default with { TextMissing = TextMissing ?? Tuner.Trainers.Data.CellFormat.Default.TextMissing };
}
