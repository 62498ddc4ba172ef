namespace Tuner.Reports.Model;

/// <summary>
/// Everything a study report needs, handed over by the tool (reports never read the tool's store themselves,
/// so this project stays independent of it). Trials are in rank order, best first.
/// </summary>
internal sealed record StudyReportData(
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

    /// <summary>The winner's learning curve by training-set size, when it was measured.</summary>
    public IReadOnlyList<SizeCurvePoint>? SizeCurve { get; init; }

    /// <summary>Hash of the study's data; with the seed, folds and validation file it tells whether two studies scored the same rows.</summary>
    public string DataFingerprint { get; init; } = "";

    /// <summary>How trials went through row subsamples, in a study whose training rows were many enough for it.</summary>
    public RowRungSummary? RowRungs { get; init; }

    /// <summary>The winner's re-evaluation on fresh folds, when it ran.</summary>
    public Reevaluation? Reevaluation { get; init; }

    private IReadOnlyDictionary<(string Trainer, string Loss), double>? _referenceLosses;

    /// <summary>What a normal validation loss is per trainer and loss function (see <see cref="Diagnosis.ReferenceLosses"/>).</summary>
    public IReadOnlyDictionary<(string Trainer, string Loss), double> ReferenceLosses => _referenceLosses ??=
        Diagnosis.ReferenceLosses.Of(RankedTrials.Select(t => (t.Trainer, t.Loss, t.State == "complete", t.Curve)));
}
