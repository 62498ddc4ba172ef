using Tuner.Reports.Diagnosis;

namespace Reports.Tests.Diagnosis;

public sealed class DivergenceTests
{
    [Fact]
    public void A_training_loss_far_above_its_minimum_is_divergence()
    {
        var curve = Curves.Make(12, e => e <= 10 ? 1 / (1 + 0.3 * e) : 50, e => e <= 10 ? 0.05 + 1 / (1 + 0.3 * e) : 60);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal(FitKind.Diverged, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("epoch 11", StringComparison.Ordinal) && line.Contains("epoch 10", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("lower the learning rate", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("clip=norm", StringComparison.Ordinal));
    }

    [Fact]
    public void A_NaN_validation_loss_is_divergence()
    {
        var curve = Curves.Make(5, e => 1.0 / e, e => e == 5 ? double.NaN : 1.1 / e);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal(FitKind.Diverged, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("validation loss is NaN at epoch 5", StringComparison.Ordinal));
        Assert.Equal(4, diagnosis.BestEpoch);
    }

    [Fact]
    public void The_diverged_state_is_divergence_even_without_a_curve()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis([], TrialState.Diverged, "loss became NaN"));
        Assert.Equal(FitKind.Diverged, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("loss became NaN", StringComparison.Ordinal));
        Assert.Null(diagnosis.BestEpoch);
    }

    [Fact]
    public void Divergence_with_an_exploding_gradient_says_so_and_lists_it_second()
    {
        var curve = Curves.Make(8, e => e < 8 ? 1.0 / e : 100, e => e < 8 ? 1.2 / e : 120, gradient: e => Math.Pow(10, e - 1));
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal([FitKind.Diverged, FitKind.ExplodingGradients], diagnosis.Findings.Select(f => f.Kind));
        Assert.Contains(diagnosis.Evidence, line => line.StartsWith("gradient norm grew", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("exploded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5.0, false)]        // exactly 10 × the minimum 0.5: not strictly above
    [InlineData(5.000001, true)]
    public void Growth_threshold_is_strict(double peak, bool diverged)
    {
        var curve = Curves.Of([1.0, 0.5, 0.6, peak], [1.0, 0.6, 0.7, 0.8]);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal(diverged, diagnosis.Has(FitKind.Diverged));
    }

    [Fact]
    public void Exploding_gradients_without_divergence_follow_the_verdict()
    {
        var curve = Curves.Make(10, e => 0.3 + 0.5 * Math.Exp(-e), e => 0.32 + 0.5 * Math.Exp(-e), gradient: e => 0.5 * Math.Exp(e - 1));
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal(FitKind.GoodFit, diagnosis.Kind);
        var exploding = Assert.Single(diagnosis.Secondary);
        Assert.Equal(FitKind.ExplodingGradients, exploding.Kind);
        Assert.Contains("clip=norm", exploding.Recommendations[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiny_loss_growing_tenfold_by_a_tiny_amount_has_not_diverged()
    {
        // A hinge loss that started at 0.5, reached 0.001 and ends at 0.011: ten times its minimum, but by 2% of where it began.
        var curve = Curves.Of([0.5, 0.1, 0.01, 0.001, 0.005, 0.011], [0.5, 0.12, 0.05, 0.04, 0.041, 0.043]);
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Diverged));
    }

    [Fact]
    public void Losses_a_hundred_times_the_studys_normal_loss_from_the_first_epoch_are_divergence()
    {
        // Adam at learning rate 2.2: the losses sit near 55 where this trainer and loss normally reach 0.5.
        var curve = Curves.Of([70, 58, 61, 56, 60, 57], [62, 55, 59, 57, 61, 58]);
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { ReferenceLoss = 0.5 });
        Assert.Equal(FitKind.Diverged, diagnosis.Kind);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("110× the study's normal loss 0.5", StringComparison.Ordinal));
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { ReferenceLoss = 40 }).Has(FitKind.Diverged));
    }

    [Fact]
    public void A_slow_learner_falling_steadily_from_a_high_start_has_not_diverged()
    {
        // A learning rate of 1e-5: from 0.49 down to 0.2 in 39 epochs where the study's normal loss is 0.02.
        var curve = Curves.Make(39, e => 0.5 * Math.Pow(0.977, e), e => 0.49 * Math.Pow(0.977, e));
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve) { ReferenceLoss = 0.02 });
        Assert.Equal(FitKind.Underfitting, diagnosis.Kind);
    }

    [Theory]
    [InlineData(100.0, false)]      // exactly 100 × epoch 1's norm
    [InlineData(100.001, true)]
    public void Exploding_threshold_is_strict(double peak, bool exploding)
    {
        var curve = Curves.Make(10, e => 0.3 + 0.5 * Math.Exp(-e), e => 0.32 + 0.5 * Math.Exp(-e), gradient: e => e == 6 ? peak : 1.0);
        Assert.Equal(exploding, FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.ExplodingGradients));
    }
}
