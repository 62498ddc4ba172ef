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

        // 7.8 s left; refitting a winner that took 2 s over 2 folds costs about 1.5 s, the report of 1,000 trials 1 s.
        var squeezed = plan.SizeCurveAllowance(search, TimeSpan.FromSeconds(7.8), winnerSeconds: 2, trials: 1000);
        Assert.Equal(TimeSpan.FromSeconds(7.8 - 1.5 - 1), squeezed);
        // One that took 10 s: 2.3 s would be left, less than the curve's first two fits of a 5 s fold (7.5 s).
        Assert.Equal(TimeSpan.Zero, plan.SizeCurveAllowance(search, TimeSpan.FromSeconds(8.8), winnerSeconds: 10, trials: 1000));
        Assert.Equal(TimeSpan.Zero, (plan with { Folds = 1 }).SizeCurveAllowance(search, TimeSpan.FromSeconds(8.8), winnerSeconds: 30, trials: 1000));
    }

    [Fact]
    public void An_export_beside_the_curve_by_size_leaves_it_the_time_the_export_takes_and_lets_the_search_run_longer()
    {
        var after = new OutputTimePlan(Minute) { Folds = 2 };
        var beside = after with { ExportBesideSizeCurve = true };
        var search = after.SearchTime!.Value;

        // 4 s left: after the export (2.5 s) and the report (1 s) too little would be; beside it, only the report's 1 s is
        // counted against the curve, whose first fits (3 s) then fit.
        Assert.Equal(TimeSpan.Zero, after.SizeCurveAllowance(search, TimeSpan.FromSeconds(4), winnerSeconds: 4, trials: 1000));
        Assert.Equal(TimeSpan.FromSeconds(3), beside.SizeCurveAllowance(search, TimeSpan.FromSeconds(4), winnerSeconds: 4, trials: 1000));
        // A 1 s winner: its curve by size is held to its 6 s share, its export expected to take 2.25 s, overlapped rather than added.
        var sequential = after.SearchTimeGiven((TimeSpan.Zero, TimeSpan.Zero), winnerSeconds: 1, trials: 10)!.Value;
        var overlapped = beside.SearchTimeGiven((TimeSpan.Zero, TimeSpan.Zero), winnerSeconds: 1, trials: 10)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(2.25), overlapped - sequential);
    }

    [Fact]
    public void A_winner_whose_fit_is_kept_costs_the_export_no_training_unless_a_re_evaluation_may_choose_another()
    {
        var plan = new OutputTimePlan(TimeSpan.FromSeconds(300)) { Folds = 1, ExportBesideSizeCurve = true };
        var skipped = (TimeSpan.FromSeconds(400), TimeSpan.FromSeconds(200)); // more than the re-evaluation's 45 s share: it is skipped

        // A 40 s winner: trained again, its export (40.5 s taken 1.5 times over) outlasts the curve by size beside it
        // (its 30 s share); kept, the curve's share, the report and the base second are all that is held back.
        var retrained = plan.SearchTimeGiven(skipped, winnerSeconds: 40, trials: 40)!.Value;
        var kept = plan.SearchTimeGiven(skipped, winnerSeconds: 40, trials: 40, winnerKept: true)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(300 - 60.75 - 0.52 - 1), retrained);
        Assert.Equal(TimeSpan.FromSeconds(300 - 30 - 0.52 - 1), kept);

        // A re-evaluation that fits may choose another winner, which is then trained: the export is counted.
        var reevaluated = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(4));
        Assert.Equal(plan.SearchTimeGiven(reevaluated, 20, 40), plan.SearchTimeGiven(reevaluated, 20, 40, winnerKept: true));
    }

    [Fact]
    public void A_curve_by_size_whose_first_fits_outlast_its_share_is_skipped_and_nothing_is_held_back_for_it()
    {
        var plan = new OutputTimePlan(TimeSpan.FromSeconds(150)) { Folds = 1, ExportBesideSizeCurve = true };

        // A 110 s winner (a million rows' FastTree): the curve's half-size fit alone would take 55 s of its 15 s share.
        Assert.Equal(TimeSpan.Zero, plan.SizeCurveAllowance(TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(20), winnerSeconds: 110, trials: 100));
        var skipped = (TimeSpan.FromSeconds(400), TimeSpan.FromSeconds(200));
        Assert.Equal(TimeSpan.FromSeconds(150 - 0.75 - 0.55 - 1), plan.SearchTimeGiven(skipped, winnerSeconds: 110, trials: 100, winnerKept: true));
        // A 20 s winner's half-size fit (10 s) fits in the share: the curve runs, given its share.
        Assert.Equal(TimeSpan.FromSeconds(15), plan.SizeCurveAllowance(TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(20), winnerSeconds: 20, trials: 100));
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
