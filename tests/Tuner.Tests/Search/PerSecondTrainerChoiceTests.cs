using Tuner.Search;
using Tuner.Search.Tpe;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Search;

/// <summary>TPE's trainer choice under a time budget: by the time each trainer is expected to need to improve the study.</summary>
public sealed class PerSecondTrainerChoiceTests
{
    private static readonly SearchSpace TwoTrainers = SearchSpaceReader.Parse("""
        {"trainers": {
            "fast": {"x": {"type": "float", "low": -5, "high": 5}},
            "slow": {"x": {"type": "float", "low": -5, "high": 5}}}}
        """, "two trainers");

    [Theory]
    [InlineData("fast")]
    [InlineData("slow")]
    public void Of_two_equally_good_trainers_the_ten_times_faster_one_gets_most_of_the_trials(string faster)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var history = Run(seed, perSecond: true, trials: 80, (trainer, x) => (TrialState.Complete, -Math.Abs(x - 1), trainer == faster ? 0.1 : 1.0));
            var modelled = history.Skip(12).ToList();
            var chosen = modelled.Count(t => t.Trainer == faster);
            Assert.True(chosen > 3 * (modelled.Count - chosen), $"seed {seed}: {faster} {chosen} of {modelled.Count}");
        }
    }

    [Fact]
    public void Counted_per_trial_trial_times_change_no_proposal()
    {
        var history = Run(1, perSecond: false, trials: 80, (trainer, x) => (TrialState.Complete, -Math.Abs(x - 1), trainer == "fast" ? 0.1 : 1.0));
        var swapped = Run(1, perSecond: false, trials: 80, (trainer, x) => (TrialState.Complete, -Math.Abs(x - 1), trainer == "fast" ? 1.0 : 0.1));
        Assert.Equal(history.Select(t => t.Key), swapped.Select(t => t.Key));
    }

    [Fact]
    public void A_cheap_trainer_whose_trials_are_all_pruned_gets_little_of_the_time()
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var history = Run(seed, perSecond: true, trials: 150, (trainer, x) => trainer == "fast"
                ? (TrialState.Pruned, null, 0.005)
                : (TrialState.Complete, -Math.Abs(x - 1), 0.5));
            var modelled = history.Skip(12).ToList();
            var cheapSeconds = modelled.Where(t => t.Trainer == "fast").Sum(t => t.DurationSeconds!.Value);
            // However many trials it gets, they take little of the time.
            Assert.True(cheapSeconds < 0.05 * modelled.Sum(t => t.DurationSeconds!.Value), $"seed {seed}: {cheapSeconds:F2} s on the pruned trainer");
        }
    }

    [Fact]
    public void A_cheap_trainer_that_plateaued_below_the_best_yields_the_time_to_a_slow_one_still_improving()
    {
        // "fast" tops out at 0.9 whatever x is; "slow" reaches 1 near x = 1 and improves as TPE closes in.
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var history = Run(seed, perSecond: true, trials: 3000, (trainer, x) => trainer == "fast"
                ? (TrialState.Complete, 0.9 - 0.01 * Math.Abs(x - 1), 0.01)
                : (TrialState.Complete, 1 - 0.05 * Math.Abs(x - 1), 0.5), budgetSeconds: 40);
            var modelled = history.Skip(12).ToList();
            var slowSeconds = modelled.Where(t => t.Trainer == "slow").Sum(t => t.DurationSeconds!.Value);
            var best = history.MaxBy(t => t.Value)!;
            Assert.True(best.Trainer == "slow" && best.Value > 0.99, $"seed {seed}: best {best.Value:F4} by {best.Trainer}");
            Assert.True(slowSeconds > 0.5 * modelled.Sum(t => t.DurationSeconds!.Value), $"seed {seed}: {slowSeconds:F1} s of {modelled.Sum(t => t.DurationSeconds!.Value):F1} on the improving trainer");
        }
    }

    [Fact]
    public void A_leader_that_stalls_keeps_half_the_time_against_many_cheap_trainers_far_behind()
    {
        // "best" is near its top from the start (as a boosted tree is) and gains only crumbs; six cheap trainers level off far below.
        var space = SearchSpaceReader.Parse("{\"trainers\": {" + string.Join(",", new[] { "best", "f1", "f2", "f3", "f4", "f5", "f6" }
            .Select(name => $"\"{name}\": {{\"x\": {{\"type\": \"float\", \"low\": -5, \"high\": 5}}}}")) + "}}", "seven trainers");
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var history = Run(seed, perSecond: true, trials: 5000, (trainer, x) => trainer == "best"
                ? (TrialState.Complete, 0.85 - 0.002 * Math.Abs(x - 1), 0.5)
                : (TrialState.Complete, 0.75 - 0.01 * Math.Abs(x - 1), 0.05), budgetSeconds: 120, space: space);
            var modelled = history.Skip(20).ToList();
            var leaderSeconds = modelled.Where(t => t.Trainer == "best").Sum(t => t.DurationSeconds!.Value);
            Assert.True(leaderSeconds > 0.45 * modelled.Sum(t => t.DurationSeconds!.Value), $"seed {seed}: {leaderSeconds:F1} s of {modelled.Sum(t => t.DurationSeconds!.Value):F1} on the leader");
        }
    }

    [Fact]
    public void A_cheap_trainer_behind_but_gaining_fast_takes_the_time_from_a_stalled_expensive_leader()
    {
        // "tree" is near its top from its first trial and gains only crumbs; "cheap" starts far below and passes it
        // once TPE has narrowed x, which takes it a few seconds of its own trials.
        var space = SearchSpaceReader.Parse("""
            {"trainers": {
                "tree": {"x": {"type": "float", "low": -5, "high": 5}},
                "cheap": {"x": {"type": "float", "low": -5, "high": 5}}}}
            """, "a tree and a cheap trainer");
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var history = Run(seed, perSecond: true, trials: 20000, (trainer, x) => trainer == "tree"
                ? (TrialState.Complete, 0.90 - 0.002 * Math.Abs(x - 1), 1.0)
                : (TrialState.Complete, 0.93 - 0.05 * Math.Abs(x - 1), 0.02), budgetSeconds: 60, space: space);
            var best = history.MaxBy(t => t.Value)!;
            var cheapSeconds = history.Where(t => t.Trainer == "cheap").Sum(t => t.DurationSeconds!.Value);
            var allSeconds = history.Sum(t => t.DurationSeconds!.Value);
            Assert.True(best.Trainer == "cheap" && best.Value > 0.925, $"seed {seed}: best {best.Value:F4} by {best.Trainer}, {cheapSeconds:F1} s on cheap");
            Assert.True(cheapSeconds > 0.5 * allSeconds, $"seed {seed}: {cheapSeconds:F1} s of {allSeconds:F1} on the cheap trainer");
        }
    }

    [Fact]
    public void What_the_runner_spends_around_each_trial_counts_in_its_cost()
    {
        double FastShare(double overheadSeconds) => new[] { 1, 2, 3 }.Average(seed =>
        {
            var history = Run(seed, perSecond: true, trials: 80, (trainer, x) => (TrialState.Complete, -Math.Abs(x - 1), trainer == "fast" ? 0.001 : 0.05), overheadSeconds);
            return history.Skip(12).Average(t => t.Trainer == "fast" ? 1.0 : 0.0);
        });

        // 1 ms against 50 ms of training is a 50-fold difference, but not once each trial costs the runner 0.5 s.
        var alone = FastShare(0);
        var withOverhead = FastShare(0.5);
        Assert.True(alone > 0.8 && withOverhead < 0.7, $"share of the fast trainer: {alone:P0} without overhead, {withOverhead:P0} with it");
    }

    [Fact]
    public void A_trainer_whose_trials_take_longer_than_the_search_has_left_is_not_started()
    {
        // "slow" leads (0.9 against 0.5) and has had a third of the time, far below its share; its trials take 1 s.
        var history = new List<TrialRecord>();
        void Add(string trainer, double value, double seconds) => history.Add(SyntheticStudy.Record(history.Count,
            new TrialProposal(trainer, new HyperParameters(new Dictionary<string, object> { ["x"] = history.Count * 0.01 }), IsBaseline: history.Count < 2),
            TrialState.Complete, value, seconds));
        Add("fast", 0.5, 0.1);
        for (var n = 0; n < 5; n++) Add("slow", 0.9 - 0.01 * n, 1.0);
        for (var n = 0; n < 100; n++) Add("fast", 0.5 - 0.001 * n, 0.1);
        var sampler = new TpeSampler(TwoTrainers, 1, higherIsBetter: true, new TpeOptions(StartupTrials: 0, PerSecond: true));

        string Next(double secondsLeft)
        {
            ((ISampler)sampler).ObserveTimeLeft(TimeSpan.FromSeconds(secondsLeft));
            return sampler.Propose(history.Count, history).Trainer;
        }

        Assert.Equal("slow", Next(60));
        Assert.Equal("fast", Next(0.5));
        // Nothing fits: the cheapest trainer runs, the one most likely to finish.
        Assert.Equal("fast", Next(0.01));
    }

    [Fact]
    public void A_trainer_whose_trial_was_cancelled_counts_as_at_least_that_long()
    {
        TrialRecord Trial(int n, string trainer, TrialState state, double? value, double seconds) => SyntheticStudy.Record(n,
            new TrialProposal(trainer, new HyperParameters(new Dictionary<string, object> { ["x"] = n * 0.1 }), IsBaseline: n < 2), state, value, seconds);
        // "slow" leads and has had a quarter of the time, far below its share.
        var history = new List<TrialRecord> { Trial(0, "fast", TrialState.Complete, 0.5, 0.1), Trial(1, "slow", TrialState.Complete, 0.9, 1) };
        for (var n = 2; n < 32; n++) history.Add(Trial(n, "fast", TrialState.Complete, 0.5 - 0.001 * n, 0.1));
        Assert.Equal(1, TrainerChoice.Choose(["fast", "slow"], history, higherIsBetter: true, 0, timeLeftSeconds: 10, DateTimeOffset.UnixEpoch));

        // Its last trial ran 20 s before the budget cancelled it: with 10 s left, it is not started again.
        history.Add(Trial(32, "slow", TrialState.Cancelled, null, 20));
        Assert.Equal(0, TrainerChoice.Choose(["fast", "slow"], history, higherIsBetter: true, 0, timeLeftSeconds: 10, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_trainer_whose_first_trial_is_still_running_counts_as_at_least_as_long_as_it_has_run()
    {
        var start = DateTimeOffset.UnixEpoch;
        TrialRecord Trial(int n, string trainer, TrialState state, double? value, double seconds) => SyntheticStudy.Record(n,
            new TrialProposal(trainer, new HyperParameters(new Dictionary<string, object> { ["x"] = n * 0.1 }), IsBaseline: n < 2), state, value, seconds);
        // "slow" has not finished a trial, and so is far below its share; "fast" has levelled off.
        var history = new List<TrialRecord> { Trial(0, "fast", TrialState.Complete, 0.5, 0.1) };
        for (var n = 2; n < 32; n++) history.Add(Trial(n, "fast", TrialState.Complete, 0.5 - 0.001 * n, 0.1));
        history.Add(Trial(32, "slow", TrialState.Running, null, 0) with { Started = start });

        // Just started, it is taken for a typical trial: it fits in the 10 s left.
        Assert.Equal(1, TrainerChoice.Choose(["fast", "slow"], history, higherIsBetter: true, 0, timeLeftSeconds: 10, start.AddSeconds(1)));
        // After 20 s it is known to take longer than the 10 s left.
        Assert.Equal(0, TrainerChoice.Choose(["fast", "slow"], history, higherIsBetter: true, 0, timeLeftSeconds: 10, start.AddSeconds(20)));
    }

    [Fact]
    public void Under_a_time_budget_the_startup_trials_go_by_cost_too()
    {
        // Equally good, one 50 times slower: a uniform draw would give it half of the ten random startup trials.
        var sampler = new TpeSampler(TwoTrainers, 1, higherIsBetter: true, new TpeOptions(PerSecond: true));
        var history = new List<TrialRecord>();
        for (var n = 0; n < 12; n++)
        {
            var proposal = sampler.Propose(n, history);
            history.Add(SyntheticStudy.Record(n, proposal, TrialState.Complete, -Math.Abs(proposal.Parameters.GetDouble("x", 0) - 1),
                proposal.Trainer == "slow" ? 5.0 : 0.1));
        }

        var startup = history.Where(t => !t.IsBaseline).ToList();
        Assert.True(startup.Count(t => t.Trainer == "slow") <= 2, string.Join(", ", startup.Select(t => t.Trainer)));
    }

    /// <summary>Runs a simulated study of so many trials, or until its trials took <paramref name="budgetSeconds"/>.</summary>
    private static List<TrialRecord> Run(int seed, bool perSecond, int trials, Func<string, double, (TrialState State, double? Value, double Seconds)> outcome,
        double overheadSeconds = 0, double budgetSeconds = double.PositiveInfinity, SearchSpace? space = null)
    {
        var sampler = new TpeSampler(space ?? TwoTrainers, seed, higherIsBetter: true, new TpeOptions(PerSecond: perSecond));
        var history = new List<TrialRecord>();
        for (var n = 0; n < trials && history.Sum(t => t.DurationSeconds!.Value) < budgetSeconds; n++)
        {
            var proposal = sampler.Propose(n, history);
            var (state, value, seconds) = outcome(proposal.Trainer, proposal.Parameters.GetDouble("x", 0));
            history.Add(SyntheticStudy.Record(n, proposal, state, value, seconds));
            if (overheadSeconds > 0) ((ISampler)sampler).ObserveOverhead(TimeSpan.FromSeconds(overheadSeconds));
        }

        return history;
    }
}
