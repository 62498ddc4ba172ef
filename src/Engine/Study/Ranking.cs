namespace Tuner.Study;

/// <summary>
/// Orders trials for the leaderboard: complete trials by their validation ranking metric (ties: the earlier
/// trial first), then the others by state (running, pruned, diverged, failed, cancelled, interrupted) and number.
/// </summary>
internal static class Ranking
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

    /// <summary>
    /// The first trial of <see cref="Rank"/> that is complete and has a value, found in one pass (the runner asks after
    /// every trial): the best finite value, the earlier trial on a tie; failing that, the first complete trial whose
    /// value is not finite.
    /// </summary>
    public static TrialRecord? Best(IEnumerable<TrialRecord> trials, bool higherIsBetter)
    {
        TrialRecord? best = null;
        TrialRecord? notFinite = null;
        foreach (var trial in trials)
        {
            if (trial.State != TrialState.Complete || trial.Value is not { } value) continue;
            if (!double.IsFinite(value))
            {
                if (notFinite is null || trial.Number < notFinite.Number) notFinite = trial;
                continue;
            }

            if (best is null)
            {
                best = trial;
                continue;
            }

            var order = value.CompareTo(best.Value!.Value);
            if ((higherIsBetter ? order > 0 : order < 0) || (order == 0 && trial.Number < best.Number)) best = trial;
        }

        return best ?? notFinite;
    }

    /// <summary>The first <paramref name="count"/> complete trials with a finite value in <see cref="Rank"/>'s order, found in one pass.</summary>
    public static IReadOnlyList<TrialRecord> Top(IEnumerable<TrialRecord> trials, int count, bool higherIsBetter)
    {
        var top = new List<TrialRecord>(count + 1);
        foreach (var trial in trials)
        {
            if (trial.State != TrialState.Complete || trial.Value is not { } value || !double.IsFinite(value)) continue;
            int at = top.Count;
            while (at > 0 && Before(trial, top[at - 1], higherIsBetter)) at--;
            if (at >= count) continue;
            top.Insert(at, trial);
            if (top.Count > count) top.RemoveAt(count);
        }

        return top;
    }

    private static bool Before(TrialRecord a, TrialRecord b, bool higherIsBetter)
    {
        var order = a.Value!.Value.CompareTo(b.Value!.Value);
        return (higherIsBetter ? order > 0 : order < 0) || (order == 0 && a.Number < b.Number);
    }
}
