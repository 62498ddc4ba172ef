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
        Assert.Equal("Underfitting: still improving at the last epoch", diagnosis.Title);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("over the last 2 epochs", StringComparison.Ordinal));
        Assert.Equal("more epochs (epochs 20)", diagnosis.Recommendations[0]);
        Assert.Equal(10, diagnosis.BestEpoch);
    }

    // Tail of 2 epochs from epoch 8 (validation 1.0): a drop to 0.75 is exactly 12.5% per epoch.
    [Theory]
    [InlineData(0.75, 0.125, false)]
    [InlineData(0.7499, 0.125, true)]
    [InlineData(0.962, 0.02, false)]    // 1.9% per epoch
    [InlineData(0.958, 0.02, true)]     // 2.1% per epoch
    public void Drop_threshold_is_strict(double last, double limit, bool underfitting)
    {
        double[] validation = [1.9, 1.8, 1.7, 1.6, 1.5, 1.4, 1.2, 1.0, 0.98, last];
        var curve = Curves.Of(validation.Select(v => v - 0.05).ToArray(), validation);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve), new DiagnosisThresholds { UnderfitDropPerEpoch = limit });
        Assert.Equal(underfitting, diagnosis.Has(FitKind.Underfitting));
    }

    [Fact]
    public void A_flat_curve_far_below_the_study_best_is_underfitting()
    {
        var curve = Curves.Make(10, _ => 0.69, _ => 0.70, metric: _ => 0.6);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { Metric = Auc, StudyBest = 0.9 });
        Assert.Equal(FitKind.Underfitting, diagnosis.Kind);
        Assert.Equal("Underfitting: well below the study's best", diagnosis.Title);
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
    public void Far_below_the_study_best_with_a_large_gap_is_not_underfitting()
    {
        var curve = Curves.Make(10, _ => 0.3, _ => 0.70, metric: _ => 0.6);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { Metric = Auc, StudyBest = 0.9 });
        Assert.False(diagnosis.Has(FitKind.Underfitting));
    }
}
