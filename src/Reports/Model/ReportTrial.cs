using Tuner.Trainers.Training;

namespace Tuner.Reports.Model;

/// <summary>One trial as a report shows it. State is lower-case text: complete, pruned, diverged, failed, running.</summary>
public sealed record ReportTrial(
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
}
