using Tuner.Search;
using Tuner.Study;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Search;

public sealed class GridSamplerTests
{
    // sgd: kind p (f: 3 floats) or q, times n in {1, 2} = (3 + 1) * 2 = 8; mlp: k 3 spaced ints, fixed e = 3.
    private static readonly SearchSpace Small = SearchSpaceReader.Parse("""
        {"trainers": {
            "sgd": {
                "kind": {"type": "categorical", "choices": ["p", "q"]},
                "f": {"type": "float", "low": 0.001, "high": 0.1, "log": true, "when": {"kind": ["p"]}},
                "n": {"type": "int", "low": 1, "high": 2}},
            "mlp": {
                "k": {"type": "int", "low": 0, "high": 10},
                "e": {"value": 20}}}}
        """, "small");

    [Fact]
    public void Enumerates_the_whole_grid_once_then_reports_exhaustion()
    {
        var sampler = new GridSampler(Small, seed: 1, floatSteps: 3);
        var history = new List<TrialRecord>();
        while (!sampler.IsExhausted(history))
            history.Add(SyntheticStudy.Complete(history.Count, sampler.Propose(history.Count, history), 0));

        Assert.Equal(11, sampler.Size);
        Assert.Equal(11, history.Count);
        Assert.Equal(11, history.Select(h => h.Key).Distinct().Count());
        Assert.All(history, h => Assert.False(h.IsBaseline));
        Assert.Contains("sgd(f=0.001, kind=p, n=2)", history.Select(h => h.Key));
        Assert.Contains("sgd(f=0.01, kind=p, n=1)", history.Select(h => h.Key));
        Assert.Contains("sgd(kind=q, n=1)", history.Select(h => h.Key));
        Assert.Equal(["mlp(e=20, k=0)", "mlp(e=20, k=10)", "mlp(e=20, k=5)"], history.Where(h => h.Trainer == "mlp").Select(h => h.Key).Order());
        Assert.Equal("grid exhausted", Assert.Throws<InvalidOperationException>(() => sampler.Propose(11, history)).Message);
    }

    [Fact]
    public void The_order_is_shuffled_by_the_seed_and_fixed_for_it()
    {
        string[] Order(int seed)
        {
            var sampler = new GridSampler(Small, seed, floatSteps: 3);
            return Enumerable.Range(0, (int)sampler.Size).Select(i => sampler.At(i).Key).ToArray();
        }

        Assert.Equal(Order(5), Order(5));
        Assert.NotEqual(Order(5), Order(6));
        Assert.Equal(Order(5).Order(), Order(6).Order());
    }

    [Fact]
    public void Stopped_trials_are_proposed_again_and_running_ones_are_not()
    {
        var sampler = new GridSampler(Small, seed: 2, floatSteps: 3);
        var first = sampler.Propose(0, []);
        var stopped = SyntheticStudy.Record(0, first, TrialState.Cancelled, null) with { Error = "time budget spent" };
        Assert.Equal(first.Key, sampler.Propose(1, [stopped]).Key);

        var running = SyntheticStudy.Record(0, first, TrialState.Running, null);
        Assert.NotEqual(first.Key, sampler.Propose(1, [running]).Key);
    }

    [Fact]
    public void Built_in_space_points_hold_exactly_the_active_parameters()
    {
        var space = BuiltInSpaces.For(TaskKind.Binary);
        var sampler = new GridSampler(space, seed: 3);
        var history = new List<TrialRecord>();
        for (var n = 0; n < 200; n++)
            history.Add(SyntheticStudy.Complete(n, sampler.Propose(n, history), 0));

        Assert.True(sampler.Size > 1_000_000_000, $"{sampler.Size}");
        Assert.Equal(history.Count, history.Select(h => h.Key).Distinct().Count());
        Assert.Contains(history, h => h.Parameters.Has("focal_gamma"));
        foreach (var trial in history)
        {
            var trainer = space.Find(trial.Trainer)!;
            foreach (var parameter in trainer.Parameters)
            {
                var active = parameter.When is null || parameter.When.Holds(trial.Parameters.Values);
                Assert.Equal(active, trial.Parameters.Has(parameter.Name));
            }
        }
    }

    [Fact]
    public void Numbers_are_evenly_spaced_on_their_scale()
    {
        var space = SearchSpaceReader.Parse("""
            {"trainers": {"sgd": {
                "lr": {"type": "float", "low": 0.0001, "high": 1, "log": true},
                "x": {"type": "float", "low": 0, "high": 1},
                "b": {"type": "int", "low": 1, "high": 10000, "log": true}}}}
            """, "scales");
        var sampler = new GridSampler(space, seed: 1);
        var points = Enumerable.Range(0, (int)sampler.Size).Select(i => sampler.At(i).Parameters).ToList();

        Assert.Equal(125, sampler.Size);
        Assert.Equal([0.0001, 0.001, 0.01, 0.1, 1], points.Select(p => p.GetDouble("lr", 0)).Distinct().Order().Select(v => Math.Round(v, 6)));
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], points.Select(p => p.GetDouble("x", -1)).Distinct().Order());
        Assert.Equal([1, 10, 100, 1000, 10000], points.Select(p => p.GetDouble("b", 0)).Distinct().Order());
    }
}
