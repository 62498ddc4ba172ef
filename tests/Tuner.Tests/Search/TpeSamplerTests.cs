using Tuner.Search;
using Tuner.Study;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Search;

public sealed class TpeSamplerTests
{
    private const int Trials = 60;
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    [Fact]
    public void Tpe_finds_better_configurations_than_random_search_at_equal_trials()
    {
        var tpeWins = 0;
        var (tpeTail, randomTail) = (0.0, 0.0);
        foreach (var seed in Seeds)
        {
            var tpe = SyntheticStudy.Run(new TpeSampler(SyntheticStudy.Space, seed, higherIsBetter: false), Trials, SyntheticStudy.Objective);
            var random = SyntheticStudy.Run(new RandomSampler(SyntheticStudy.Space, seed), Trials, SyntheticStudy.Objective);
            if (tpe.Min() < random.Min()) tpeWins++;
            tpeTail += tpe.TakeLast(20).Average() / Seeds.Length;
            randomTail += random.TakeLast(20).Average() / Seeds.Length;
        }

        Assert.True(tpeWins >= 4, $"TPE beat random on {tpeWins} of {Seeds.Length} seeds");
        // Once the model is in use, its proposals concentrate near the optimum; random ones do not.
        Assert.True(tpeTail < 0.5 * randomTail, $"mean objective of the last 20 proposals: TPE {tpeTail:F3}, random {randomTail:F3}");
    }

    [Fact]
    public void Direction_is_respected_when_higher_is_better()
    {
        var tpe = SyntheticStudy.Run(new TpeSampler(SyntheticStudy.Space, 7, higherIsBetter: true), Trials, p => -SyntheticStudy.Objective(p));
        var random = SyntheticStudy.Run(new RandomSampler(SyntheticStudy.Space, 7), Trials, p => -SyntheticStudy.Objective(p));
        Assert.True(tpe.TakeLast(20).Average() > random.TakeLast(20).Average());
    }

    [Fact]
    public void Baselines_and_startup_trials_are_the_random_samplers_draws()
    {
        var space = BuiltInSpaces.For(TaskKind.Binary);
        var options = new TpeOptions(StartupTrials: 5);
        var tpe = new TpeSampler(space, 3, higherIsBetter: true, options);
        var random = new RandomSampler(space, 3);
        var history = new List<TrialRecord>();
        for (var n = 0; n < space.Trainers.Count + options.StartupTrials; n++)
        {
            var proposal = tpe.Propose(n, history);
            Assert.Equal(random.Propose(n, history).Key, proposal.Key);
            Assert.Equal(n < space.Trainers.Count, proposal.IsBaseline);
            history.Add(SyntheticStudy.Complete(n, proposal, 0.5 + 0.01 * n));
        }
    }

    [Fact]
    public void Same_seed_and_history_give_the_same_proposal()
    {
        var space = BuiltInSpaces.For(TaskKind.Binary);
        var history = BinaryHistory(space, seed: 5, trials: 40);
        var first = new TpeSampler(space, 5, higherIsBetter: true).Propose(40, history);
        var second = new TpeSampler(space, 5, higherIsBetter: true).Propose(40, history);
        var otherSeed = new TpeSampler(space, 6, higherIsBetter: true).Propose(40, history);

        Assert.Equal(first.Key, second.Key);
        Assert.NotEqual(first.Key, otherSeed.Key);
        Assert.DoesNotContain(first.Key, history.Select(h => h.Key));
    }

    [Fact]
    public void Conditional_parameters_appear_exactly_when_their_parent_activates_them()
    {
        var space = BuiltInSpaces.For(TaskKind.Binary);
        var history = BinaryHistory(space, seed: 9, trials: 80);

        foreach (var trial in history)
        {
            var trainer = space.Find(trial.Trainer)!;
            var values = trial.Parameters.Values;
            foreach (var parameter in trainer.Parameters.Where(p => !trial.IsBaseline && p.When is null))
                Assert.True(values.ContainsKey(parameter.Name), $"{trial.Key} lacks {parameter.Name}");
            foreach (var parameter in trainer.Parameters.Where(p => p.When is not null))
                Assert.Equal(!trial.IsBaseline && parameter.When!.Holds(values), values.ContainsKey(parameter.Name));
        }

        // The objective rewards sgd/mlp with the focal loss, so the model must have chosen conditional branches.
        Assert.Contains(history.Skip(40), t => t.Parameters.Has("focal_gamma"));
    }

    [Fact]
    public void A_running_trial_pushes_the_next_proposal_elsewhere()
    {
        var history = new List<TrialRecord>();
        var sampler = new TpeSampler(SyntheticStudy.Space, 4, higherIsBetter: false);
        for (var n = 0; n < 30; n++)
        {
            var proposal = sampler.Propose(n, history);
            history.Add(SyntheticStudy.Complete(n, proposal, SyntheticStudy.Objective(proposal.Parameters)));
        }

        var first = sampler.Propose(30, history);
        history.Add(SyntheticStudy.Record(30, first, TrialState.Running, null));
        var second = sampler.Propose(31, history);

        Assert.NotEqual(first.Key, second.Key);
        Assert.False(second.IsBaseline);
    }

    [Fact]
    public void Pruned_diverged_and_failed_trials_do_not_break_the_model()
    {
        var space = SyntheticStudy.Space;
        var sampler = new TpeSampler(space, 2, higherIsBetter: false);
        var history = new List<TrialRecord>();
        for (var n = 0; n < 40; n++)
        {
            var proposal = sampler.Propose(n, history);
            var state = (n % 4) switch { 1 => TrialState.Pruned, 2 => TrialState.Diverged, 3 => TrialState.Failed, _ => TrialState.Complete };
            var value = state == TrialState.Complete ? SyntheticStudy.Objective(proposal.Parameters) : (double?)null;
            history.Add(SyntheticStudy.Record(n, proposal, state, value));
        }

        Assert.Equal(history.Count, history.Select(h => h.Key).Distinct().Count());
    }

    /// <summary>A study on the built-in binary space whose value favours sgd and mlp with the focal loss.</summary>
    private static List<TrialRecord> BinaryHistory(SearchSpace space, int seed, int trials)
    {
        var sampler = new TpeSampler(space, seed, higherIsBetter: true);
        var history = new List<TrialRecord>();
        for (var n = 0; n < trials; n++)
        {
            var proposal = sampler.Propose(n, history);
            history.Add(SyntheticStudy.Complete(n, proposal, BinaryValue(proposal)));
        }

        return history;
    }

    private static double BinaryValue(TrialProposal p) =>
        (p.Trainer is "sgd" or "mlp" ? 0.8 : 0.6)
        + (p.Parameters.GetString("loss", "") == "focal" ? 0.1 : 0)
        - 0.01 * Math.Abs(Math.Log10(p.Parameters.GetDouble("learning_rate", 0.01)) + 2);
}
