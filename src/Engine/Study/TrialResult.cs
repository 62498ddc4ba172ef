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

    /// <summary>
    /// For a trial the time budget cut short (<see cref="Trainers.Training.CutShortException"/>), the parameters that train the
    /// model it measured, which the store records in place of those it was proposed with; null for every other trial.
    /// </summary>
    public Trainers.Training.HyperParameters? CutShortTo { get; init; }
}
