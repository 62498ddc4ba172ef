using Tuner.Reports.Diagnosis;
using Tuner.Trainers.Metrics;

namespace Reports.Tests.Diagnosis;

public sealed class UnderfittingTests
{
    private static readonly MetricInfo Auc = MetricInfo.Binary[0];

    [Fact]
    public void A_curve_still_falling_steeply_is_underfitting()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.StillFalling()));
        Assert.Equal(FitKind.Underfitting, diagnosis.Kind);
        Assert.Equal("Underfitting: still improving when its 10 planned epochs ran out", diagnosis.Title);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("ran all 10 planned epochs and validation loss still fell", StringComparison.Ordinal)
            && line.Contains("over the last 2", StringComparison.Ordinal));
        Assert.Equal("more epochs (epochs 20)", diagnosis.Recommendations[0]);
        Assert.Equal(10, diagnosis.BestEpoch);
    }

    // Tail of 2 epochs from epoch 8 (validation 1.5): a drop to 1.0 is exactly half the final value.
    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.9999, true)]
    public void Drop_threshold_is_strict(double last, bool underfitting)
    {
        double[] validation = [2.4, 2.3, 2.2, 2.1, 2.0, 1.9, 1.7, 1.5, 1.25, last];
        var curve = Curves.Of(validation.Select(v => v - 0.05).ToArray(), validation);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve), new DiagnosisThresholds { UnderfitTailDrop = 0.5, NoiseMultiple = 0 });
        Assert.Equal(underfitting, diagnosis.Has(FitKind.Underfitting));
    }

    [Theory]
    [InlineData(TrialState.Pruned, 40)]
    [InlineData(TrialState.Complete, 40)]   // stopped itself (early stopping) at epoch 10 of 40
    public void A_curve_still_falling_that_did_not_run_out_of_epochs_is_never_told_more_epochs(TrialState state, int planned)
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.StillFalling(), state) { PlannedEpochs = planned });
        Assert.False(diagnosis.Has(FitKind.Underfitting));
        Assert.DoesNotContain(diagnosis.Findings.SelectMany(f => f.Recommendations), r => r.Contains("more epochs", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Evidence, line => line.EndsWith("at epoch 10 of 40", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pruned_trial_whose_training_loss_is_far_above_the_studys_normal_loss_is_underfitting()
    {
        var curve = Curves.Make(9, e => 0.66 - 0.001 * e, e => 0.67 - 0.001 * e);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve, TrialState.Pruned) { PlannedEpochs = 30, ReferenceLoss = 0.3 });
        Assert.Equal(FitKind.Underfitting, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("2.2× the study's normal validation loss 0.3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flat_curve_far_below_the_study_best_is_underfitting()
    {
        var curve = Curves.Make(10, _ => 0.69, _ => 0.70, metric: _ => 0.6);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { Metric = Auc, StudyBest = 0.9, TrainingMetric = 0.61 });
        Assert.Equal(FitKind.Underfitting, diagnosis.Kind);
        Assert.Equal("Underfitting: poor on its own training rows", diagnosis.Title);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("0.6", StringComparison.Ordinal) && line.Contains("0.9", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("more flexible model", StringComparison.Ordinal));
    }

    [Fact]
    public void A_flat_curve_without_a_study_best_is_a_good_fit()
    {
        var curve = Curves.Make(10, _ => 0.69, _ => 0.70, metric: _ => 0.6);
        Assert.Equal(FitKind.GoodFit, FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { Metric = Auc }).Kind);
    }

    [Fact]
    public void Far_below_the_study_best_but_good_on_training_rows_is_not_underfitting()
    {
        var curve = Curves.Make(10, _ => 0.3, _ => 0.70, metric: _ => 0.6);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { Metric = Auc, StudyBest = 0.9, TrainingMetric = 0.97 });
        Assert.False(diagnosis.Has(FitKind.Underfitting));
    }
}
