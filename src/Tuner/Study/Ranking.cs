namespace Tuner.Study;

/// <summary>
/// Orders trials for the leaderboard: complete trials by their validation ranking metric (ties: the earlier
/// trial first), then pruned, diverged, failed and running trials by number.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<TrialRecord> Rank(IEnumerable<TrialRecord> trials, bool higherIsBetter)
    {
        var list = trials.ToList();
        var complete = list.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v));
        var ranked = higherIsBetter
            ? complete.OrderByDescending(t => t.Value).ThenBy(t => t.Number)
            : complete.OrderBy(t => t.Value).ThenBy(t => t.Number);
        var rest = list.Except(ranked).OrderBy(t => t.State == TrialState.Complete ? 0 : (int)t.State).ThenBy(t => t.Number);
        return ranked.Concat(rest).ToList();
    }

    public static TrialRecord? Best(IEnumerable<TrialRecord> trials, bool higherIsBetter) =>
        Rank(trials, higherIsBetter).FirstOrDefault(t => t.State == TrialState.Complete && t.Value.HasValue);
}
