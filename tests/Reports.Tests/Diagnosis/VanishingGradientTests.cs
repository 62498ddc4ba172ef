using Tuner.Reports.Diagnosis;

namespace Reports.Tests.Diagnosis;

public sealed class VanishingGradientTests
{
    [Fact]
    public void An_input_layer_starved_of_gradient_is_vanishing()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.GoodFit(_ => [1e-5, 0.1, 0.2])));
        var vanishing = Assert.Single(diagnosis.Secondary);
        Assert.Equal(FitKind.VanishingGradients, vanishing.Kind);
        Assert.Contains(vanishing.Evidence, line => line.Contains("epochs 28–30", StringComparison.Ordinal)
            && line.Contains("averaged 1e-5, 20000× smaller than the output layer's 0.2", StringComparison.Ordinal));
        Assert.Contains(vanishing.Recommendations, r => r.Contains("He", StringComparison.Ordinal) && r.Contains("Xavier", StringComparison.Ordinal));
    }

    [Fact]
    public void A_collapsed_input_layer_while_the_output_layer_keeps_learning_is_vanishing()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.GoodFit(e => [e == 1 ? 1.0 : 0.005, 0.1])));
        var vanishing = Assert.Single(diagnosis.Secondary);
        Assert.Equal(FitKind.VanishingGradients, vanishing.Kind);
        Assert.Contains("collapsed 200×", Assert.Single(vanishing.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void All_layers_shrinking_together_is_convergence_not_vanishing()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.GoodFit(e => [Math.Pow(0.5, e), 2 * Math.Pow(0.5, e)])));
        Assert.Equal(FitKind.GoodFit, diagnosis.Kind);
    }

    [Fact]
    public void A_linear_model_without_layer_norms_is_never_vanishing()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.GoodFit(_ => [1e-9])));
        Assert.False(diagnosis.Has(FitKind.VanishingGradients));
    }

    // Binary-exact values so that the window mean equals the limit exactly.
    [Theory]
    [InlineData(0.25, 0.25, false)]
    [InlineData(0.2499, 0.25, true)]
    [InlineData(0.0011, 1e-3, false)]
    [InlineData(0.0009, 1e-3, true)]
    public void Ratio_threshold_is_strict(double input, double limit, bool vanishing)
    {
        var thresholds = new DiagnosisThresholds { VanishingRatio = limit };
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.GoodFit(_ => [input, 1.0])), thresholds);
        Assert.Equal(vanishing, diagnosis.Has(FitKind.VanishingGradients));
    }

    [Theory]
    [InlineData(0.25, 4.0, false)]  // exactly 1/4 of epoch 1's 1.0
    [InlineData(0.2499, 4.0, true)]
    [InlineData(0.011, 100.0, false)]
    [InlineData(0.009, 100.0, true)]
    public void Collapse_threshold_is_strict(double later, double collapse, bool vanishing)
    {
        var thresholds = new DiagnosisThresholds { VanishingCollapse = collapse };
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.GoodFit(e => [e == 1 ? 1.0 : later, 1.0])), thresholds);
        Assert.Equal(vanishing, diagnosis.Has(FitKind.VanishingGradients));
    }

    [Fact]
    public void Overfitting_with_vanishing_gradients_is_the_verdict_with_the_gradients_a_further_finding()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.Overfitting(_ => [1e-5, 0.1])));
        Assert.Equal(FitKind.Overfitting, diagnosis.Kind);
        Assert.Equal([FitKind.VanishingGradients], diagnosis.Secondary.Select(f => f.Kind));
    }
}
