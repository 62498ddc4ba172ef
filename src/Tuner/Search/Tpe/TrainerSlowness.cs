using Tuner.Study;

namespace Tuner.Search.Tpe;

/// <summary>
/// How much slower each trainer's trials are than the study's typical trial, as a log factor: the budget is
/// time, so a trainer whose trials take k times the median trial is chosen as if its l(x)/g(x) ratio were
/// k times smaller (expected improvement per second, Snoek et al. 2012). Trainers at or below the median
/// get no bonus: a cheap trainer is not better for being cheap, and its trials still cost the runner's
/// own per-trial work. A trainer with no finished trial yet is not discounted.
/// </summary>
internal static class TrainerSlowness
{
    public static double[] From(IReadOnlyList<TrialRecord> history, IReadOnlyList<string> trainers)
    {
        var finished = history
            .Where(t => t.State is TrialState.Complete or TrialState.Pruned or TrialState.Diverged && t.DurationSeconds > 0)
            .ToList();
        var slowness = new double[trainers.Count];
        if (finished.Count == 0) return slowness;
        var median = Median(finished.Select(t => t.DurationSeconds!.Value));
        for (var i = 0; i < trainers.Count; i++)
        {
            var own = finished.Where(t => t.Trainer == trainers[i]).Select(t => t.DurationSeconds!.Value).ToList();
            if (own.Count > 0) slowness[i] = Math.Max(0, Math.Log(own.Average() / median));
        }

        return slowness;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
