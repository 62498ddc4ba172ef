namespace Tuner.Reports.Model;

/// <summary>
/// Everything a study report needs, handed over by the tool (reports never read the tool's store themselves,
/// so this project stays independent of it). Trials are in rank order, best first.
/// </summary>
public sealed record StudyReportData(
    string Name,
    DateTimeOffset Created,
    string Task,
    string Metric,
    bool HigherIsBetter,
    string DataPath,
    string Label,
    int Rows,
    int FeatureColumns,
    IReadOnlyList<string> Classes,
    IReadOnlyList<int>? ClassCounts,
    int Folds,
    string? ValidationPath,
    int Seed,
    string Featurization,
    IReadOnlyList<ReportTrial> RankedTrials)
{
    public ReportTrial? Best => RankedTrials.FirstOrDefault(t => t.State == "complete" && t.Value.HasValue);

    /// <summary>The best trial that ran a trainer's default settings: what tuning has to beat.</summary>
    public ReportTrial? BestBaseline => RankedTrials.FirstOrDefault(t => t.IsBaseline && t.State == "complete" && t.Value.HasValue);
}
