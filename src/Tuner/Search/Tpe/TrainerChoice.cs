using Tuner.Study;

namespace Tuner.Search.Tpe;

/// <summary>
/// Chooses the trainer of a TPE proposal for good trials per second, used when the study's budget is time.
/// Each trainer's chance that its next trial lands in the good set is a Beta posterior over its good and bad
/// observations, with a prior worth two trials at the study's overall good rate; one draw from each (Thompson
/// sampling) is divided by the trainer's mean trial time, training plus what the runner spends around each trial,
/// and the highest rate wins. Counted per trial, TPE
/// follows a good but slow trainer (fasttree at 3 s a trial on spam) where an equally good fast one (lightgbm at
/// 0.2 s) gets fifteen times the draws in the same time. A cheap trainer that never lands in the good set keeps a
/// few draws while its bad count grows, and each of them costs little time.
/// </summary>
internal static class TrainerChoice
{
    /// <summary>The least a trial costs besides training: storing it, 1 to 2.3 ms measured by benchmarks/StoreOverhead.</summary>
    private const double MinOverheadSeconds = 0.002;
    private const double PriorTrials = 2;

    /// <param name="overheadSeconds">What a trial currently costs the runner besides training (see <see cref="ISampler.ObserveOverhead"/>).</param>
    public static int Choose(IReadOnlyList<string> trainers, TpeSplit split, IReadOnlyList<TrialRecord> history, double overheadSeconds, Random random)
    {
        var observed = split.Good.Count + split.Bad.Count;
        var goodRate = Math.Clamp(observed > 0 ? (double)split.Good.Count / observed : 0.1, 0.01, 0.99);
        var seconds = MeanTrialSeconds(trainers, history, Math.Max(overheadSeconds, MinOverheadSeconds));
        var (best, bestRate) = (0, double.NegativeInfinity);
        for (var i = 0; i < trainers.Count; i++)
        {
            var good = split.Good.Count(o => o.Trainer == trainers[i]);
            var bad = split.Bad.Count(o => o.Trainer == trainers[i]);
            var chance = BetaDistribution.Sample(good + PriorTrials * goodRate, bad + PriorTrials * (1 - goodRate), random);
            var rate = chance / seconds[i];
            if (rate > bestRate) (best, bestRate) = (i, rate);
        }

        return best;
    }

    /// <summary>Each trainer's mean time per finished trial; a trainer with none yet gets the median of the others.</summary>
    private static double[] MeanTrialSeconds(IReadOnlyList<string> trainers, IReadOnlyList<TrialRecord> history, double overheadSeconds)
    {
        var seconds = trainers.Select(trainer => history
                .Where(t => t.Trainer == trainer && t.IsFinished && t.DurationSeconds is >= 0)
                .Select(t => t.DurationSeconds!.Value + overheadSeconds)
                .DefaultIfEmpty(double.NaN)
                .Average())
            .ToArray();
        var known = seconds.Where(double.IsFinite).Order().ToArray();
        var fill = known.Length > 0 ? known[known.Length / 2] : 1;
        return seconds.Select(s => double.IsFinite(s) ? s : fill).ToArray();
    }
}
