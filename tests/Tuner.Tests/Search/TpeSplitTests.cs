using Tuner.Search.Tpe;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Search;

public sealed class TpeSplitTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(100, 10)]
    [InlineData(1000, 25)]
    public void Good_set_is_the_best_tenth_capped_at_25(int n, int expected) => Assert.Equal(expected, TpeSplit.GoodCount(n));

    [Fact]
    public void Pruned_and_diverged_are_bad_running_ones_lie_with_the_worst_value_and_failed_ones_are_ignored()
    {
        var history = new List<TrialRecord>();
        for (var i = 0; i < 12; i++) history.Add(Trial(i, TrialState.Complete, 0.50 + 0.01 * i)); // AUC 0.50 .. 0.61
        history.Add(Trial(12, TrialState.Pruned, null));
        history.Add(Trial(13, TrialState.Diverged, null));
        history.Add(Trial(14, TrialState.Running, null));
        history.Add(Trial(15, TrialState.Failed, null));
        history.Add(Trial(16, TrialState.Complete, double.NaN));

        var split = TpeSplit.From(history, higherIsBetter: true);

        Assert.Equal(15, split.Good.Count + split.Bad.Count);
        Assert.Equal([-0.61, -0.60], split.Good.Select(o => Math.Round(o.Loss, 2)));
        Assert.Equal(-0.50, split.Bad.Single(o => o.Parameters.GetString("id", "") == "14").Loss, 10);
        Assert.Equal(["12", "13"], split.Bad.TakeLast(2).Select(o => o.Parameters.GetString("id", "")));
        Assert.All(split.Bad.TakeLast(2), o => Assert.Equal(double.PositiveInfinity, o.Loss));
    }

    [Fact]
    public void Lower_is_better_keeps_the_values_as_losses()
    {
        var history = Enumerable.Range(0, 20).Select(i => Trial(i, TrialState.Complete, 20 - i)).ToList();
        var split = TpeSplit.From(history, higherIsBetter: false);
        Assert.Equal([1.0, 2.0], split.Good.Select(o => o.Loss));
    }

    private static TrialRecord Trial(int number, TrialState state, double? value) =>
        new(number, number, state, "sgd", new HyperParameters([new("id", number.ToString())]), false,
            DateTimeOffset.UnixEpoch, 1, 0, null, value, new Dictionary<string, double>());
}
