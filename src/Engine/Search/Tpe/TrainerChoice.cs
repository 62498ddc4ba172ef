using Tuner.Study;

namespace Tuner.Search.Tpe;

/// <summary>
/// Chooses the trainer of a TPE proposal by its estimated cost for improvement (ECI, the learner choice of FLAML:
/// Wang et al. 2021), used when the study's budget is time. A trainer's cost counts what its finished trials took,
/// training plus what the runner spends around each. Its ECI is the time it has spent since it last improved its own
/// best, and at least twice what its best trial cost; a trainer behind the study's best also needs the gap divided
/// by the speed at which it has been gaining lately (over the second half of its time), or, not gaining, twice all
/// the time it has spent; one with nothing but pruned or failed trials, all it spent and at least two typical
/// trials per attempt. Half the time goes to the trainer with the best result (or to one behind that is gaining fast
/// enough to pass it sooner than it improves itself), an eighth to each of the next two, the rest in proportion to
/// 1/ECI², and the trainer is drawn with probability share / its mean trial cost, so that the
/// shares are shares of the time, not of the trials. So time follows improvement: a trainer that keeps improving
/// the best keeps the machine; a cheap one that levelled off below it gets little of the time, however many trials
/// that is; and an expensive one that is gaining is not starved by near-free trials elsewhere. A trainer whose trials
/// typically take longer than the search has left is not drawn while another's fit (none fits: the cheapest is), since
/// a trial the deadline cancels is time spent for nothing.
/// </summary>
internal static class TrainerChoice
{
    /// <summary>The least a trial costs besides training: storing it, 1 to 2.3 ms measured by benchmarks/StoreOverhead.</summary>
    private const double MinOverheadSeconds = 0.002;

    /// <summary>
    /// The parts of the time that go by rank, whatever the ECI: half to the trainer with the best result and an eighth
    /// to each of the next two. A leader that stalls for a while (as every search does between improvements) keeps
    /// the machine instead of handing it out in equal parts to trainers far behind, and one close behind early (an
    /// MLP before it has found its learning rate) keeps enough time to overtake.
    /// </summary>
    private static readonly double[] RankShares = [1.0 / 2, 1.0 / 8, 1.0 / 8];

    /// <param name="overheadSeconds">What a trial currently costs the runner besides training (see <see cref="ISampler.ObserveOverhead"/>).</param>
    /// <param name="timeLeftSeconds">What the search has left (see <see cref="ISampler.ObserveTimeLeft"/>; infinite without a time budget).</param>
    public static int Choose(IReadOnlyList<string> trainers, IReadOnlyList<TrialRecord> history, bool higherIsBetter, double overheadSeconds,
        double timeLeftSeconds, Random random)
    {
        var overhead = Math.Max(overheadSeconds, MinOverheadSeconds);
        var progress = trainers.Select(_ => new Progress()).ToArray();
        var index = trainers.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        foreach (var trial in history)
            if (trial.IsFinished && !trial.IsRetryable && index.TryGetValue(trial.Trainer, out var i))
                progress[i].Add(trial, higherIsBetter ? trial.Value : -trial.Value, overhead);

        var studyBest = progress.Max(p => p.Best);
        var typicalCost = Median(progress.Where(p => p.Trials > 0).Select(p => p.Spent / p.Trials), fallback: 1);
        // Squared: with eight trainers far behind, shares in plain proportion to 1/ECI gave them together a third of the time.
        var rates = progress.Select(p => Math.Pow(p.CostForImprovement(studyBest, typicalCost), -2)).ToArray();
        var floors = new double[progress.Length];
        var ranked = RankByProjectedLead(progress, rates);
        for (var rank = 0; rank < Math.Min(ranked.Count, RankShares.Length); rank++) floors[ranked[rank]] = RankShares[rank];
        var free = 1 - floors.Sum();
        // A trainer's share of the time is its floor plus the rest in proportion to 1/ECI²; drawn with probability
        // share / (cost of one of its trials), that is the share of the time it gets.
        var trialCosts = progress.Select(p => p.Trials > 0 ? p.Spent / p.Trials : typicalCost).ToArray();
        if (trialCosts.Min() > timeLeftSeconds) return Array.IndexOf(trialCosts, trialCosts.Min());
        var weights = progress.Select((p, i) => trialCosts[i] > timeLeftSeconds ? 0 : (floors[i] + free * rates[i] / rates.Sum()) / trialCosts[i]).ToArray();
        if (!(weights.Sum() > 0)) return Array.IndexOf(trialCosts, trialCosts.Min());
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((draw -= weights[i]) < 0) return i;
        return weights.Length - 1;
    }

    /// <summary>
    /// The trainers with a result, best first; except that a trainer behind which is gaining fast enough to pass the
    /// leader sooner than the leader is expected to improve itself (a lower ECI) takes the first place. Without that, a
    /// tree that led early kept half the time while a cheap trainer that would have overtaken it in a few of its own
    /// seconds (sgd on ames) never got them.
    /// </summary>
    private static List<int> RankByProjectedLead(Progress[] progress, double[] rates)
    {
        var ranked = Enumerable.Range(0, progress.Length).Where(i => progress[i].HasResult).OrderByDescending(i => progress[i].Best).ToList();
        if (ranked.Count < 2) return ranked;
        var leader = ranked[0];
        var challenger = ranked.Skip(1).Where(i => progress[i].IsGaining && rates[i] > rates[leader]).OrderByDescending(i => rates[i]).FirstOrDefault(-1);
        if (challenger >= 0)
        {
            ranked.Remove(challenger);
            ranked.Insert(0, challenger);
        }

        return ranked;
    }

    private static double Median(IEnumerable<double> values, double fallback)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? fallback : sorted[sorted.Length / 2];
    }

    /// <summary>One trainer's trials in order, with values where higher is better.</summary>
    private sealed class Progress
    {
        private readonly List<(double Spent, double Best)> _improvements = [];
        private double _bestCost;

        public int Trials { get; private set; }
        public double Spent { get; private set; }
        public double Best { get; private set; } = double.NegativeInfinity;

        public bool HasResult => _improvements.Count > 0;

        /// <summary>It improved its own best over the second half of its time.</summary>
        public bool IsGaining => HasResult && RecentSpeed() > 0;

        public void Add(TrialRecord trial, double? value, double overhead)
        {
            var cost = Math.Max(trial.DurationSeconds ?? 0, 0) + overhead;
            Trials++;
            Spent += cost;
            if (trial.State != TrialState.Complete || value is not { } v || !double.IsFinite(v) || v <= Best) return;
            (Best, _bestCost) = (v, cost);
            _improvements.Add((Spent, v));
        }

        public double CostForImprovement(double studyBest, double typicalCost)
        {
            if (Trials == 0) return typicalCost;
            // Only pruned, diverged or failed trials: nothing to show for the time, each attempt worth two typical trials.
            if (double.IsNegativeInfinity(Best)) return Math.Max(Spent, 2 * typicalCost * Trials);
            var sinceImproved = Math.Max(Spent - _improvements[^1].Spent, 2 * _bestCost);
            if (Best >= studyBest) return sinceImproved;
            var speed = RecentSpeed();
            var closing = speed > 0 ? (studyBest - Best) / speed : 2 * Spent;
            return Math.Max(sinceImproved, closing);
        }

        /// <summary>
        /// Value gained per second over the second half of the time spent (or since its first result, if later):
        /// a trainer levelling off below the best shows it here, where its early gains would promise the gap closed soon.
        /// </summary>
        private double RecentSpeed()
        {
            var (fromSpent, fromBest) = _improvements[0];
            foreach (var (spent, best) in _improvements)
                if (spent <= Spent / 2) (fromSpent, fromBest) = (Spent / 2, best);
            return Spent > fromSpent ? (Best - fromBest) / (Spent - fromSpent) : 0;
        }
    }
}
