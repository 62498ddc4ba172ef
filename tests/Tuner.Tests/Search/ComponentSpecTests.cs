using Tuner.Search;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Search;

public sealed class ComponentSpecTests
{
    [Fact]
    public void Pruner_settings_reach_the_pruner()
    {
        var asha = Assert.IsType<AshaPruner>(PrunerFactory.Create("asha:min-resource=2,eta=4", higherIsBetter: true));
        Assert.Equal((2, 4), (asha.MinResource, asha.ReductionFactor));
        var median = Assert.IsType<MedianPruner>(PrunerFactory.Create("Median: warmup=5, min-trials=2", higherIsBetter: true));
        Assert.Equal((5, 2), (median.WarmupSteps, median.MinimumOtherTrials));
        var defaults = Assert.IsType<AshaPruner>(PrunerFactory.Create("asha", higherIsBetter: true));
        Assert.Equal((1, 3), (defaults.MinResource, defaults.ReductionFactor));
    }

    [Fact]
    public void Tpe_settings_reach_the_sampler_and_per_second_follows_the_budget_unless_set()
    {
        var space = BuiltInSpaces.For(TaskKind.Binary);
        var tuned = Assert.IsType<TpeSampler>(SamplerFactory.Create("tpe:candidates=48,startup=5,prior=0.5", space, 1, true, timeBudget: true));
        Assert.Equal(new TpeOptions(StartupTrials: 5, Candidates: 48, PriorWeight: 0.5, PerSecond: true), tuned.Options);
        Assert.False(Assert.IsType<TpeSampler>(SamplerFactory.Create("tpe", space, 1, true, timeBudget: false)).Options.PerSecond);
        Assert.False(Assert.IsType<TpeSampler>(SamplerFactory.Create("tpe:per-second=off", space, 1, true, timeBudget: true)).Options.PerSecond);
    }

    [Theory]
    [InlineData("tpe:candidates=many", "--sampler tpe:candidates=many: candidates=many must be a whole number of at least 1, e.g. candidates=24.")]
    [InlineData("tpe:prior=-1", "--sampler tpe:prior=-1: prior=-1 must be a positive number, e.g. prior=1.")]
    [InlineData("tpe:per-second=maybe", "--sampler tpe:per-second=maybe: per-second=maybe must be on or off.")]
    [InlineData("tpe:startup=1,startup=2", "--sampler tpe:startup=1,startup=2: 'startup' is given twice; give each setting once.")]
    [InlineData("grid:candidates=3", "--sampler grid:candidates=3: grid takes no settings; give just 'grid'.")]
    public void Bad_sampler_settings_are_named(string text, string message)
    {
        var e = Assert.Throws<UserInputException>(() => SamplerFactory.Create(text, BuiltInSpaces.For(TaskKind.Binary), 1, true, timeBudget: true));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Bad_pruner_settings_are_named()
    {
        var e = Assert.Throws<UserInputException>(() => PrunerFactory.Create("hyperband:eta=1", higherIsBetter: true));
        Assert.Equal("--pruner hyperband:eta=1: eta=1 must be a whole number of at least 2, e.g. eta=3.", e.Message);
    }
}
