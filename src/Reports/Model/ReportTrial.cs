using System.Globalization;
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
