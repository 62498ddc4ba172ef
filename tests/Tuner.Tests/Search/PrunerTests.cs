using Tuner.Search;
using Tuner.Study;

namespace Tuner.Tests.Search;

public sealed class PrunerTests
{
    /// <summary>Six finished trials whose accuracy climbs from about 0.80 to 0.90 over 9 epochs.</summary>
    private static CurveBoard GoodHistory()
    {
        var board = new CurveBoard();
        for (var trial = 0; trial < 6; trial++)
            for (var epoch = 1; epoch <= 9; epoch++)
                board.Record(trial, "sgd", epoch, 0.80 + 0.01 * epoch + 0.002 * trial);
        return board;
    }

    [Fact]
    public void Asha_prunes_a_clearly_worse_curve_at_a_rung_and_keeps_a_good_one()
    {
        var asha = new AshaPruner(higherIsBetter: true, minResource: 1, reductionFactor: 3);
        var board = GoodHistory();

        board.Record(10, "sgd", 1, 0.55);
        var bad = asha.Check(10, 1, 0.55, board);
        board.Record(11, "sgd", 1, 0.83);
        var good = asha.Check(11, 1, 0.83, board);

        Assert.NotNull(bad);
        Assert.StartsWith("pruned at epoch 1", bad);
        Assert.Null(good);
        Assert.Null(asha.Check(12, 2, 0.10, board)); // epoch 2 is not a rung (1, 3, 9, ...)
        Assert.True(asha.IsRung(9));
        Assert.False(asha.IsRung(4));
    }

    [Fact]
    public void Asha_direction_follows_the_metric()
    {
        var asha = new AshaPruner(higherIsBetter: false);
        var board = new CurveBoard();
        for (var trial = 0; trial < 6; trial++) board.Record(trial, "sgd", 3, 1.0 + trial);

        board.Record(9, "sgd", 3, 0.5);
        Assert.Null(asha.Check(9, 3, 0.5, board));        // lowest loss: goes on
        board.Record(9, "sgd", 3, 5.5);
        Assert.NotNull(asha.Check(9, 3, 5.5, board));     // among the worst: pruned
    }

    [Fact]
    public void Median_prunes_below_the_median_after_warmup_only()
    {
        var median = new MedianPruner(higherIsBetter: true, warmupSteps: 2, minimumOtherTrials: 4);
        var board = GoodHistory();
        board.Record(20, "sgd", 1, 0.5);
        board.Record(20, "sgd", 2, 0.5);
        board.Record(20, "sgd", 3, 0.5);

        Assert.Null(median.Check(20, 2, 0.5, board));      // still warming up
        Assert.NotNull(median.Check(20, 3, 0.5, board));
        board.Record(21, "sgd", 3, 0.9);
        Assert.Null(median.Check(21, 3, 0.9, board));
    }

    [Fact]
    public void Hyperband_compares_a_trial_only_with_its_own_bracket()
    {
        var hyperband = new HyperbandPruner(higherIsBetter: true, minResource: 1, reductionFactor: 3, brackets: 3);
        var board = new CurveBoard();
        // Bracket 0 (trials 0, 3, 6, ...) has strong trials at epoch 1; bracket 1 (1, 4, 7, ...) has none.
        foreach (var trial in new[] { 0, 3, 6, 9, 12 }) board.Record(trial, "sgd", 1, 0.9);

        board.Record(15, "sgd", 1, 0.5);
        board.Record(16, "sgd", 1, 0.5);

        Assert.NotNull(hyperband.Check(15, 1, 0.5, board)); // bracket 0: first rung at epoch 1, worse than its peers
        Assert.Null(hyperband.Check(16, 1, 0.5, board));    // bracket 1: first rung at epoch 3
    }

    [Fact]
    public void Asha_compares_a_trial_only_with_trials_of_its_own_trainer()
    {
        var asha = new AshaPruner(higherIsBetter: true, minResource: 1, reductionFactor: 3);
        var board = GoodHistory(); // six linear "sgd" curves, about 0.81 at epoch 1
        board.Record(30, "mlp", 1, 0.60);
        board.Record(31, "mlp", 1, 0.65);
        board.Record(32, "mlp", 1, 0.55);
        board.Record(33, "mlp", 1, 0.62);

        Assert.Null(asha.Check(31, 1, 0.65, board));    // best of the MLPs, though far below every linear curve
        Assert.NotNull(asha.Check(32, 1, 0.55, board)); // worst of the MLPs
    }

    [Fact]
    public void Asha_judges_nobody_at_a_rung_until_reduction_factor_other_trials_reached_it()
    {
        var asha = new AshaPruner(higherIsBetter: true, minResource: 1, reductionFactor: 3);
        var board = new CurveBoard();
        board.Record(0, "sgd", 1, 0.90);
        board.Record(1, "sgd", 1, 0.91);
        board.Record(2, "sgd", 1, 0.50);

        Assert.Null(asha.Check(2, 1, 0.50, board));    // two others only: too early to call
        board.Record(3, "sgd", 1, 0.50);
        Assert.NotNull(asha.Check(3, 1, 0.50, board)); // three others: outside the top third
    }

    [Fact]
    public void Asha_stops_a_trial_worse_than_every_one_of_few_others_from_the_fourth_rung_on()
    {
        var asha = new AshaPruner(higherIsBetter: true, minResource: 1, reductionFactor: 3);
        Assert.Equal(27, asha.FewCompetitorsFrom);
        var board = new CurveBoard();
        foreach (var round in new[] { 9, 27 })
        {
            board.Record(0, "lightgbm", round, 0.94); // the baseline
            board.Record(1, "lightgbm", round, 0.90);
        }

        board.Record(2, "lightgbm", 9, 0.75);
        Assert.Null(asha.Check(2, 9, 0.75, board));                  // before the fourth rung few others judge nobody
        board.Record(2, "lightgbm", 27, 0.92);
        Assert.Null(asha.Check(2, 27, 0.92, board));                 // better than one of the two
        board.Record(2, "lightgbm", 27, 0.75);
        var reason = asha.Check(2, 27, 0.75, board);                 // worse than both
        Assert.Equal("pruned at epoch 27: value 0.75 is outside the top 2 of 3 trials at this rung (threshold 0.9)", reason);
        var alone = new CurveBoard();
        alone.Record(2, "lightgbm", 27, 0.75);
        Assert.Null(asha.Check(2, 27, 0.75, alone));                 // alone at a rung, nobody to compare with
    }

    [Fact]
    public void Asha_decides_and_explains_as_sorting_every_rung_did()
    {
        var random = new Random(7);
        var signedZeros = 0;
        for (var round = 0; round < 400; round++)
        {
            var higher = round % 2 == 0;
            var asha = new AshaPruner(higher, reductionFactor: 2 + round % 3);
            var board = new CurveBoard();
            var values = Enumerable.Range(0, random.Next(1, round % 10 == 0 ? 3000 : 40))
                .Select(_ => random.Next(5) switch { 0 => 0.0, 1 => -0.0, _ => Math.Round(random.NextDouble() * 2 - 1, 1) })
                .ToList();
            for (var t = 0; t < values.Count; t++) board.Record(t, "sgd", 1, values[t]);
            var value = random.Next(3) == 0 ? -0.0 : Math.Round(random.NextDouble() * 2 - 1, 1);
            board.Record(values.Count, "sgd", 1, value);
            var expected = Sorted(asha, higher, values.Count, value, board);
            Assert.Equal(expected, asha.Check(values.Count, 1, value, board));
            if (expected?.EndsWith("(threshold -0)") == true) signedZeros++;
        }

        Assert.True(signedZeros > 0, "no threshold was -0, where the order of equal values shows");

        // The check as it was: every competitor sorted.
        static string? Sorted(AshaPruner asha, bool higher, int trial, double value, CurveBoard board)
        {
            var competitors = board.ValuesAt(1, trial);
            if (competitors.Count < asha.ReductionFactor) return null; // epoch 1 is before the rungs where few others judge
            competitors.Add(value);
            var ordered = higher ? competitors.OrderByDescending(v => v).ToList() : competitors.OrderBy(v => v).ToList();
            var keep = competitors.Count / asha.ReductionFactor;
            var threshold = ordered[keep - 1];
            return (higher ? value >= threshold : value <= threshold) ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"pruned at epoch 1: value {value:G4} is outside the top {keep} of {competitors.Count} trials at this rung (threshold {threshold:G4})");
        }
    }
}
