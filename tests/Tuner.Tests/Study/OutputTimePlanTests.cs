using Tuner.Study;

namespace Tuner.Tests.Study;

/// <summary>A time budget covers the search and the outputs after it.</summary>
public sealed class OutputTimePlanTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public void The_search_leaves_15_percent_for_the_reevaluation_a_tenth_for_the_curve_by_size_and_a_little_for_the_outputs()
    {
        var plan = new OutputTimePlan(Minute);

        Assert.Equal(TimeSpan.FromSeconds(60 - 9 - 6 - 1.8 - 1), plan.SearchTime);
        Assert.Equal(TimeSpan.FromSeconds(9), plan.ReevaluationAllowance(Minute - plan.SearchTime!.Value));
        // A search that ran late leaves the re-evaluation only what the outputs' 1 s + 3% do not need.
        Assert.Equal(TimeSpan.FromSeconds(4 - 2.8), plan.ReevaluationAllowance(TimeSpan.FromSeconds(4)));
        Assert.Equal(TimeSpan.Zero, plan.ReevaluationAllowance(TimeSpan.FromSeconds(1)));
        var allowance = plan.SizeCurveAllowance(plan.SearchTime!.Value, left: Minute - plan.SearchTime.Value, winnerSeconds: 0.2, trials: 500);
        Assert.Equal(TimeSpan.FromSeconds(6), allowance);
    }

    [Fact]
    public void Cheap_trials_leave_the_search_what_the_expected_outputs_do_not_need()
    {
        var plan = new OutputTimePlan(Minute);

        // Re-evaluating takes an expected 0.5 s, the winner 0.05 s a fold, 2,000 trials: 0.75 + 1 (the curve by size's
        // second) + 0.825 (export) + 1.5 (report) + 1 (the outputs' base).
        var given = plan.SearchTimeGiven((TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(0.2)), winnerSeconds: 0.05, trials: 2000)!.Value;
        Assert.Equal(60 - 0.75 - 1 - 0.825 - 1.5 - 1, given.TotalSeconds, 6);
        Assert.True(given > plan.SearchTime);
        // The least that can follow: the outputs' base second, the curve by size's second, an empty export and report.
        Assert.Equal(TimeSpan.FromSeconds(60 - 3), plan.LongestSearchTime);
    }

    [Fact]
    public void Expensive_trials_hold_the_search_to_the_fixed_shares()
    {
        var plan = new OutputTimePlan(Minute);

        Assert.Equal(plan.SearchTime, plan.SearchTimeGiven((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(6)), winnerSeconds: 2, trials: 50));
        Assert.Null(new OutputTimePlan(null).SearchTimeGiven((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), 1, 1));
    }

    [Fact]
    public void A_reevaluation_that_would_be_skipped_leaves_its_share_to_the_search()
    {
        var plan = new OutputTimePlan(Minute);

        // The best candidate alone needs 20 s of the re-evaluation's 9: it will be skipped, so only the rest is kept back,
        // the curve by size held to its 6 s: 6 + 3.75 (export) + 0.525 (report) + 1.
        var given = plan.SearchTimeGiven((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20)), winnerSeconds: 2, trials: 50)!.Value;
        Assert.Equal(60 - 6 - 3.75 - 0.525 - 1, given.TotalSeconds, 6);
    }

    [Fact]
    public void A_short_budget_keeps_at_least_half_for_the_search()
    {
        Assert.Equal(TimeSpan.FromSeconds(0.75), new OutputTimePlan(TimeSpan.FromSeconds(1.5)).SearchTime);
    }

    [Fact]
    public void The_curve_by_size_gets_only_what_the_export_and_report_leave_and_is_skipped_under_a_second()
    {
        var plan = new OutputTimePlan(Minute) { Folds = 2 };
        var search = plan.SearchTime!.Value;

        // 8.8 s left; refitting a winner that took 10 s over 2 folds costs about 5.5 s, the report of 1,000 trials 1 s.
        var squeezed = plan.SizeCurveAllowance(search, TimeSpan.FromSeconds(8.8), winnerSeconds: 10, trials: 1000);
        Assert.Equal(TimeSpan.FromSeconds(8.8 - 5.5 - 1), squeezed);
        Assert.Equal(TimeSpan.Zero, (plan with { Folds = 1 }).SizeCurveAllowance(search, TimeSpan.FromSeconds(8.8), winnerSeconds: 30, trials: 1000));
    }

    [Fact]
    public void An_export_beside_the_curve_by_size_leaves_it_the_time_the_export_takes_and_lets_the_search_run_longer()
    {
        var after = new OutputTimePlan(Minute) { Folds = 2 };
        var beside = after with { ExportBesideSizeCurve = true };
        var search = after.SearchTime!.Value;

        // 4 s left: after the export (5.5 s) nothing would be; beside it, only the report's 1 s is counted against the curve.
        Assert.Equal(TimeSpan.Zero, after.SizeCurveAllowance(search, TimeSpan.FromSeconds(4), winnerSeconds: 10, trials: 1000));
        Assert.Equal(TimeSpan.FromSeconds(3), beside.SizeCurveAllowance(search, TimeSpan.FromSeconds(4), winnerSeconds: 10, trials: 1000));
        // A 1 s winner: its curve by size is held to its 6 s share, its export expected to take 2.25 s, overlapped rather than added.
        var sequential = after.SearchTimeGiven((TimeSpan.Zero, TimeSpan.Zero), winnerSeconds: 1, trials: 10)!.Value;
        var overlapped = beside.SearchTimeGiven((TimeSpan.Zero, TimeSpan.Zero), winnerSeconds: 1, trials: 10)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(2.25), overlapped - sequential);
    }

    [Fact]
    public void With_one_fold_the_curve_by_size_is_expected_to_cost_one_fit_less()
    {
        var oneFold = new OutputTimePlan(Minute) { Folds = 1 };
        var twoFolds = oneFold with { Folds = 2 };

        // A 0.5 s fold: the curve's 5.55 fits less the winning trial's own, taken 1.5 times over.
        var saved = oneFold.SearchTimeGiven((TimeSpan.Zero, TimeSpan.Zero), winnerSeconds: 0.5, trials: 10)!.Value
            - twoFolds.SearchTimeGiven((TimeSpan.Zero, TimeSpan.Zero), winnerSeconds: 0.5, trials: 10)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(0.75), saved);
    }

    [Fact]
    public void Without_a_time_budget_nothing_is_reserved_and_the_curve_by_size_gets_a_tenth_of_the_search()
    {
        var plan = new OutputTimePlan(null);

        Assert.Null(plan.SearchTime);
        Assert.Null(plan.ReevaluationAllowance(TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(5), plan.SizeCurveAllowance(Minute - TimeSpan.FromSeconds(10), TimeSpan.Zero, 1, 10));
        Assert.Equal(TimeSpan.FromSeconds(2), plan.SizeCurveAllowance(TimeSpan.FromSeconds(5), TimeSpan.Zero, 1, 10));
    }
}
