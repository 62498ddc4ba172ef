namespace Tuner.Study;

/// <summary>How a trial ended, as the runner hands it to the store.</summary>
public sealed record TrialResult(
    TrialState State,
    double? Value,
    IReadOnlyDictionary<string, double> Metrics,
    double DurationSeconds,
    long PeakMemoryBytes,
    string? Error)
{
    /// <summary>A complete trial's replicates of its validation ranking metric (bootstrap resamples or folds).</summary>
    internal Trainers.Metrics.ScoreReplicates? Replicates { get; init; }
}
