using Tuner.Trainers.Metrics;

namespace Tuner.Storage;

/// <summary>
/// A trial's replicates of its validation ranking metric as the store keeps them: <see cref="Kind"/> "bootstrap" (one
/// value per resample of the validation rows, the same resamples for every trial of the study) or "folds" (one per fold).
/// </summary>
public sealed record StoredReplicates(string Kind, float[] Values)
{
    internal ScoreReplicates ToScore() => new(Enum.Parse<ReplicateKind>(Kind, ignoreCase: true), Values);

    internal static string KindName(ScoreReplicates replicates) => replicates.Kind.ToString().ToLowerInvariant();
}
