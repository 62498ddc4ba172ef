using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// A trial as stored. Metrics are named "valid_&lt;metric&gt;", "train_&lt;metric&gt;" and, under
/// cross-validation, "valid_&lt;metric&gt;_std". <see cref="Value"/> is the validation ranking metric.
/// </summary>
public sealed record TrialRecord(
    long Id,
    int Number,
    TrialState State,
    string Trainer,
    HyperParameters Parameters,
    bool IsBaseline,
    DateTimeOffset Started,
    double? DurationSeconds,
    long? PeakMemoryBytes,
    string? Error,
    double? Value,
    IReadOnlyDictionary<string, double> Metrics)
{
    public string Key => new TrialProposal(Trainer, Parameters, IsBaseline).Key;

    /// <summary>Whether <see cref="Key"/> is <paramref name="key"/>, without building it (a history holds thousands).</summary>
    public bool HasKey(string key) => TrialProposal.HasKey(Trainer, Parameters, key);

    public bool IsFinished => State != TrialState.Running;

    /// <summary>Stopped before it could finish (Ctrl+C, time budget, a dead process), not judged: worth running again.</summary>
    public bool IsRetryable => State is TrialState.Cancelled or TrialState.Interrupted;
}
