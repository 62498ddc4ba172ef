using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// The complete trials statistically tied with the best: the 95% interval of their difference from the best trial,
/// paired on the same validation resamples (or folds), contains zero. The best trial is tied with itself; a trial
/// without replicates (stored before they were) is never called tied.
/// </summary>
internal static class TiesWithBest
{
    public static IReadOnlySet<int> Of(IReadOnlyList<TrialRecord> ranked, IReadOnlyDictionary<long, StoredReplicates> replicates, bool higherIsBetter)
    {
        var best = Ranking.Best(ranked, higherIsBetter);
        var tied = new HashSet<int>();
        if (best is null || !replicates.TryGetValue(best.Id, out var stored)) return tied;
        var reference = stored.ToScore();
        tied.Add(best.Number);
        foreach (var trial in ranked)
        {
            if (trial.State != TrialState.Complete || trial.Id == best.Id || !replicates.TryGetValue(trial.Id, out var other)) continue;
            var (low, high) = other.ToScore().DifferenceInterval(reference, paired: true);
            if (low <= 0 && high >= 0) tied.Add(trial.Number);
        }

        return tied;
    }
}
