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
/// 1/ECI². The trainer chosen is the one furthest below its share of the study's time so far (running trials counted
/// at their trainer's typical cost): a deficit, as in stride scheduling, so that shares of time hold over a few
/// expensive trials as well as over thousands of cheap ones (drawn at random with probability share / trial cost, a
/// leader whose trials take 15 s got none in the last 20 s of a minute while cheap trainers drew every proposal). So
/// time follows improvement: a trainer that keeps improving the best keeps the machine; a cheap one that levelled off
/// below it gets little of the time, however many trials that is; and an expensive one that is gaining is not starved
/// by near-free trials elsewhere. A trainer whose trials typically take longer than the search has left (a cancelled
/// trial counts as at least as long as it ran) is not chosen while another's fit (none fits: the cheapest is), since a
/// trial the deadline cancels is time spent for nothing.
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
    /// <param name="now">The time of the choice: how long the running trials have run so far.</param>
    public static int Choose(IReadOnlyList<string> trainers, IReadOnlyList<TrialRecord> history, bool higherIsBetter, double overheadSeconds,
        double timeLeftSeconds, DateTimeOffset now)
    {
        var overhead = Math.Max(overheadSeconds, MinOverheadSeconds);
        var progress = trainers.Select(_ => new Progress()).ToArray();
        var index = trainers.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        foreach (var trial in history)
            if (index.TryGetValue(trial.Trainer, out var i))
                progress[i].Add(trial, higherIsBetter ? trial.Value : -trial.Value, overhead, now);

        var studyBest = progress.Max(p => p.Best);
        var typicalCost = Median(progress.Where(p => p.Trials > 0).Select(p => p.Spent / p.Trials), fallback: 1);
        // Squared: with eight trainers far behind, shares in plain proportion to 1/ECI gave them together a third of the time.
        var rates = progress.Select(p => Math.Pow(p.CostForImprovement(studyBest, typicalCost), -2)).ToArray();
        var shares = new double[progress.Length];
        var ranked = RankByProjectedLead(progress, rates);
        for (var rank = 0; rank < Math.Min(ranked.Count, RankShares.Length); rank++) shares[ranked[rank]] = RankShares[rank];
        var free = 1 - shares.Sum();
        var rateSum = rates.Sum();
        for (var i = 0; i < shares.Length; i++) shares[i] += rateSum > 0 ? free * rates[i] / rateSum : free / shares.Length;

        var trialCosts = progress.Select(p => p.TrialCost(typicalCost)).ToArray();
        var spent = progress.Select((p, i) => p.Spent + p.Running * trialCosts[i]).ToArray();
        var total = spent.Sum();
        var cheapest = Array.IndexOf(trialCosts, trialCosts.Min());
        if (trialCosts[cheapest] > timeLeftSeconds) return cheapest;
        var chosen = -1;
        for (var i = 0; i < progress.Length; i++)
            if (trialCosts[i] <= timeLeftSeconds && shares[i] > 0
                && (chosen < 0 || shares[i] * total - spent[i] > shares[chosen] * total - spent[chosen]))
                chosen = i;
        return chosen < 0 ? cheapest : chosen;
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

        private double _longestUnfinished;

        public int Trials { get; private set; }
        public double Spent { get; private set; }
        public double Best { get; private set; } = double.NegativeInfinity;

        /// <summary>Trials of it running now.</summary>
        public int Running { get; private set; }

        public bool HasResult => _improvements.Count > 0;

        /// <summary>It improved its own best over the second half of its time.</summary>
        public bool IsGaining => HasResult && RecentSpeed() > 0;

        /// <summary>
        /// What one of its trials typically costs: its finished trials' mean (the study's typical trial before it has one),
        /// and at least as long as a stopped one ran or a running one has run so far (the first trial of an expensive trainer
        /// is not taken for a cheap one while it runs).
        /// </summary>
        public double TrialCost(double typicalCost) => Math.Max(Trials > 0 ? Spent / Trials : typicalCost, _longestUnfinished);

        public void Add(TrialRecord trial, double? value, double overhead, DateTimeOffset now)
        {
            if (!trial.IsFinished)
            {
                Running++;
                _longestUnfinished = Math.Max(_longestUnfinished, (now - trial.Started).TotalSeconds);
                return;
            }

            if (trial.IsRetryable)
            {
                _longestUnfinished = Math.Max(_longestUnfinished, trial.DurationSeconds ?? 0);
                return;
            }

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
