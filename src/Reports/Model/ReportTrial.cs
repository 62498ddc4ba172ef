using System.Globalization;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Reports.Model;

/// <summary>
/// One trial as a report shows it. State is lower-case text: complete, pruned, diverged, failed, running, or
/// stopped (by the time budget or an interruption, before it could finish).
/// </summary>
internal sealed record ReportTrial(
    int Number,
    string State,
    string Trainer,
    bool IsBaseline,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> Metrics,
    double? Value,
    double? DurationSeconds,
    string? Error,
    DateTimeOffset Started,
    IReadOnlyList<EpochRecord> Curve)
{
    /// <summary>The replicates of the validation ranking metric (bootstrap resamples or folds), when stored.</summary>
    public ScoreReplicates? Replicates { get; init; }

    /// <summary>Complete and within noise of the study's best (paired on the same validation rows).</summary>
    public bool TiedWithBest { get; init; }

    public double Metric(string name) => Metrics.TryGetValue(name, out var v) ? v : double.NaN;

    /// <summary>The loss function's name, or "" for the trainer's default.</summary>
    public string Loss => Parameters.TryGetValue(ParameterNames.Loss, out var loss) ? loss : "";

    /// <summary>
    /// The epochs (boosting rounds, or trees of a forest) the trial was set to run: its
    /// <c>epochs</c> or <c>trees</c>, or the trainer's default. Null without a curve.
    /// </summary>
    public int? PlannedEpochs => Curve.Count == 0 ? null
        : Diagnosis.CurveFacts.IsTrees(Curve)
            ? Planned(MlNetParameterNames.Trees, BoostedTreeTrainer.DefaultRounds)
            : Planned(ParameterNames.Epochs, LoopSettings.DefaultEpochs);

    private int Planned(string name, int fallback) =>
        Parameters.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
