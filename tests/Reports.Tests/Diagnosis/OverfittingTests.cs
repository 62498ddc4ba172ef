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
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve), new DiagnosisThresholds { OverfitRise = limit, NoiseMultiple = 0, OverfitGapGrowth = 10 });
        Assert.Equal(overfitting, diagnosis.Has(FitKind.Overfitting));
    }

    [Fact]
    public void A_rise_within_the_curves_noise_is_not_overfitting()
    {
        // Validation jitters ±0.03 around 0.5 from epoch 5 on; its last value is 4% above the minimum, inside 3 × that noise.
        double[] validation = [0.9, 0.7, 0.6, 0.52, 0.5, 0.53, 0.49, 0.52, 0.48, 0.51, 0.47, 0.5, 0.49, 0.51, 0.47, 0.49];
        var training = validation.Select((_, i) => 0.8 - 0.02 * i).ToArray();
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.Of(training, validation))).Has(FitKind.Overfitting));
    }

    [Fact]
    public void A_bump_after_a_warm_restart_that_recovers_is_not_overfitting()
    {
        // Cosine with a restart at epoch 11: the learning rate jumps back up, validation bumps and comes back down to its lowest.
        var curve = Curves.Make(20, e => 1.0 / e, e => e <= 10 ? 0.3 + 0.5 / e : 0.3 + 0.1 * Math.Exp(-(e - 11)))
            .Select(r => r with { LearningRate = 0.1 * (1 + Math.Cos(Math.PI * ((r.Epoch - 1) % 10) / 10)) / 2 + 1e-4 }).ToArray();
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.False(diagnosis.Has(FitKind.Overfitting));
        Assert.False(diagnosis.Has(FitKind.Unstable));
    }

    [Fact]
    public void A_rise_without_falling_training_loss_is_not_overfitting()
    {
        var curve = Curves.Of([2.0, 1.5, 1.0, 1.0, 1.0, 1.0], [2.0, 1.5, 1.0, 1.1, 1.15, 1.2]);
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Overfitting));
    }

    // Validation flat at 1.0 from the middle epoch while training falls from 0.75: the gap grows from 0.25 to 1 − last.
    [Theory]
    [InlineData(0.5, false)]            // widened by exactly 0.25, a quarter of the validation loss
    [InlineData(0.4999, true)]
    public void Gap_widening_threshold_is_strict(double last, bool overfitting)
    {
        var curve = Curves.Of([1.0, 0.875, 0.75, 0.625, last], [1.25, 1.125, 1.0, 1.0, 1.0]);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve), new DiagnosisThresholds { OverfitGapGrowth = 0.25, NoiseMultiple = 0 });
        Assert.Equal(overfitting, diagnosis.Has(FitKind.Overfitting));
        if (overfitting) Assert.Equal("Overfitting: widening train–validation gap", diagnosis.Title);
    }

    [Fact]
    public void An_early_stopped_trial_past_its_minimum_is_overfitting_with_the_stop_named_and_never_more_epochs()
    {
        // Patience 5 stopped it at epoch 8 of 36; validation bottomed at epoch 3 (0.298), then 0.326 and 0.311 at the end.
        var curve = Curves.Of([0.40, 0.33, 0.29, 0.27, 0.25, 0.235, 0.22, 0.21], [0.36, 0.31, 0.298, 0.305, 0.315, 0.322, 0.326, 0.311]);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { PlannedEpochs = 36 });
        Assert.Equal(FitKind.Overfitting, diagnosis.Kind);
        Assert.Equal("Overfitting after epoch 3", diagnosis.Title);
        Assert.Contains("stopped by early stopping at epoch 8 of 36", diagnosis.Evidence);
        Assert.DoesNotContain(diagnosis.Findings.SelectMany(f => f.Recommendations), r => r.Contains("more epochs", StringComparison.Ordinal));
    }

    [Fact]
    public void A_large_gap_that_does_not_widen_is_not_overfitting()
    {
        double[] training = [1.0, 0.75, 0.5, 0.5, 0.25];
        var curve = Curves.Of(training, training.Select(t => 1.5 * t).ToArray());
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Overfitting));
    }
}
