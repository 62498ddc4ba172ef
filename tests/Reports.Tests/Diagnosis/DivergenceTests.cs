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
    public void Exploding_gradients_alone_are_the_primary_finding()
    {
        var curve = Curves.Make(10, e => 0.3 + 0.5 * Math.Exp(-e), e => 0.32 + 0.5 * Math.Exp(-e), gradient: e => 0.5 * Math.Exp(e - 1));
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(curve));
        Assert.Equal(FitKind.ExplodingGradients, diagnosis.Kind);
        Assert.Contains("clip=norm", diagnosis.Recommendations[0], StringComparison.Ordinal);
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
