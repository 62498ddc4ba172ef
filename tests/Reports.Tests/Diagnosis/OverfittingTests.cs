using Tuner.Reports.Diagnosis;

namespace Reports.Tests.Diagnosis;

public sealed class OverfittingTests
{
    private static double[] Training => [2.0, 1.5, 1.0, 0.99, 0.98, 0.97];

    [Fact]
    public void A_U_shaped_validation_loss_is_overfitting_with_its_best_epoch()
    {
        var curve = Curves.Overfitting();
        int best = Curves.BestEpoch(curve);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal(FitKind.Overfitting, diagnosis.Kind);
        Assert.Equal(best, diagnosis.BestEpoch);
        Assert.Equal($"Overfitting after epoch {best}", diagnosis.Title);
        Assert.Contains(diagnosis.Evidence, line => line.StartsWith("validation loss rose", StringComparison.Ordinal)
            && line.Contains($"at epoch {best} to", StringComparison.Ordinal) && line.Contains("while training loss fell", StringComparison.Ordinal));
        Assert.Equal($"stop at epoch {best} (early_stopping_patience 3)", diagnosis.Recommendations[0]);
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("L2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1.25, 0.25, false)]     // exactly 25% above the minimum 1.0
    [InlineData(1.2501, 0.25, true)]
    [InlineData(1.049, 0.05, false)]
    [InlineData(1.051, 0.05, true)]
    public void Rise_threshold_is_strict(double last, double limit, bool overfitting)
    {
        var curve = Curves.Of(Training, [2.0, 1.5, 1.0, 1.02, 1.03, last]);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve), new DiagnosisThresholds { OverfitRise = limit });
        Assert.Equal(overfitting, diagnosis.Has(FitKind.Overfitting));
    }

    [Fact]
    public void A_rise_without_falling_training_loss_is_not_overfitting()
    {
        var curve = Curves.Of([2.0, 1.5, 1.0, 1.0, 1.0, 1.0], [2.0, 1.5, 1.0, 1.1, 1.15, 1.2]);
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Overfitting));
    }

    [Theory]
    [InlineData(1.5, false)]            // exactly 50% above the training loss 1.0
    [InlineData(1.5001, true)]
    public void Gap_threshold_is_strict(double last, bool overfitting)
    {
        var curve = Curves.Of([1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.1, 1.2, 1.3, last]);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve), new DiagnosisThresholds { OverfitGap = 0.5 });
        Assert.Equal(overfitting, diagnosis.Has(FitKind.Overfitting));
        if (overfitting) Assert.Equal("Overfitting: widening train–validation gap", diagnosis.Title);
    }

    [Fact]
    public void A_large_gap_that_does_not_widen_is_not_overfitting()
    {
        double[] training = [1.0, 0.75, 0.5, 0.5, 0.25];
        var curve = Curves.Of(training, training.Select(t => 1.5 * t).ToArray());
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Overfitting));
    }
}
