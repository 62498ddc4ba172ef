using Tuner.Reports.Diagnosis;
using Tuner.Trainers.Metrics;

namespace Reports.Tests.Diagnosis;

/// <summary>ML.NET trainers report no curve: only the final train and validation metric and the study's best.</summary>
public sealed class NoCurveTests
{
    private static readonly MetricInfo Auc = MetricInfo.Binary[0];
    private static readonly MetricInfo Rmse = MetricInfo.Regression[0];

    private static TrialDiagnosis Final(MetricInfo metric, double train, double valid, double? best = null) =>
        new([]) { Metric = metric, TrainingMetric = train, ValidationMetric = valid, StudyBest = best };

    [Fact]
    public void A_perfect_training_auc_with_a_lower_validation_auc_is_overfitting()
    {
        var diagnosis = FitDiagnoser.Diagnose(Final(Auc, 1.0, 0.93, best: 0.95));
        Assert.Equal(FitKind.Overfitting, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("training auc 1 vs validation 0.93: a gap of 0.07", StringComparison.Ordinal));
        Assert.Null(diagnosis.BestEpoch);
    }

    [Fact]
    public void A_small_gap_far_below_the_study_best_is_underfitting()
    {
        var diagnosis = FitDiagnoser.Diagnose(Final(Auc, 0.80, 0.79, best: 0.93));
        Assert.Equal(FitKind.Underfitting, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("study's best 0.93", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("less", StringComparison.Ordinal) || r.Contains("lower the regularization", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tree_model_perfect_on_training_rows_and_as_good_as_the_best_on_validation_is_a_good_fit()
    {
        Assert.Equal(FitKind.GoodFit, FitDiagnoser.Diagnose(Final(Auc, 1.0, 0.949, best: 0.95)).Kind);
    }

    [Fact]
    public void A_training_error_near_zero_does_not_make_every_gap_overfitting()
    {
        // The old ratio to the training value: 0.5 / 0.001, a 50,000% gap. Relative to validation it is at most 100%.
        Assert.Equal(FitKind.GoodFit, FitDiagnoser.Diagnose(Final(Rmse, 0.001, 0.5, best: 0.5)).Kind);
        Assert.Equal(FitKind.Overfitting, FitDiagnoser.Diagnose(Final(Rmse, 0.001, 0.5, best: 0.4)).Kind);
    }

    [Fact]
    public void A_small_gap_near_the_study_best_is_a_good_fit()
    {
        Assert.Equal(FitKind.GoodFit, FitDiagnoser.Diagnose(Final(Auc, 0.93, 0.92, best: 0.93)).Kind);
    }

    [Fact]
    public void Without_a_study_best_a_small_gap_is_a_good_fit_that_says_underfitting_was_not_judged()
    {
        var diagnosis = FitDiagnoser.Diagnose(Final(Auc, 0.80, 0.79));
        Assert.Equal(FitKind.GoodFit, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("could not be judged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lower_is_better_metric_far_above_the_study_best_is_underfitting()
    {
        Assert.Equal(FitKind.Underfitting, FitDiagnoser.Diagnose(Final(Rmse, 1.15, 1.2, best: 1.0)).Kind);
    }

    [Theory]
    [InlineData(0.75, false)]           // exactly 25% below the training auc 1.0
    [InlineData(0.7499, true)]
    public void Higher_is_better_gap_threshold_is_strict(double valid, bool overfitting)
    {
        var diagnosis = FitDiagnoser.Diagnose(Final(Auc, 1.0, valid, best: 1.0), new DiagnosisThresholds { MetricGap = 0.25 });
        Assert.Equal(overfitting, diagnosis.Kind == FitKind.Overfitting);
    }

    [Theory]
    [InlineData(2.0, false)]            // the training rmse 1.0 is exactly half the validation rmse
    [InlineData(2.0001, true)]
    public void Lower_is_better_gap_is_relative_to_validation(double valid, bool overfitting)
    {
        var diagnosis = FitDiagnoser.Diagnose(Final(Rmse, 1.0, valid, best: 1.0), new DiagnosisThresholds { OverfitGap = 0.5 });
        Assert.Equal(overfitting, diagnosis.Kind == FitKind.Overfitting);
    }

    [Theory]
    [InlineData(0.75, false)]           // exactly 25% below the study's best 1.0
    [InlineData(0.7499, true)]
    public void Baseline_shortfall_threshold_is_strict(double valid, bool underfitting)
    {
        var diagnosis = FitDiagnoser.Diagnose(Final(Auc, 0.76, valid, best: 1.0), new DiagnosisThresholds { BaselineShortfall = 0.25 });
        Assert.Equal(underfitting ? FitKind.Underfitting : FitKind.GoodFit, diagnosis.Kind);
    }

    [Fact]
    public void An_empty_curve_without_metrics_is_unknown()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis([]));
        Assert.Equal(FitKind.Unknown, diagnosis.Kind);
        Assert.Null(diagnosis.BestEpoch);
    }

    [Fact]
    public void A_failed_trial_without_data_is_unknown_and_shows_its_error()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis([], TrialState.Failed, "out of memory"));
        Assert.Equal(FitKind.Unknown, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("out of memory", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("rerun", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trial_pruned_at_its_first_rung_is_too_short_to_judge()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.StillFalling().Take(1).ToArray(), TrialState.Pruned) { PlannedEpochs = 20 });
        Assert.Equal(FitKind.TooShort, diagnosis.Kind);
        Assert.Contains("pruned at epoch 1 of 20", diagnosis.Evidence);
    }

    [Fact]
    public void A_trial_that_ran_all_of_its_three_epochs_still_falling_is_underfitting_not_too_short()
    {
        var curve = Curves.StillFalling().Take(3).ToArray();
        Assert.Equal(FitKind.Underfitting, FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { PlannedEpochs = 3 }).Kind);
        Assert.Equal(FitKind.TooShort, FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { PlannedEpochs = 30 }).Kind);
    }
}
