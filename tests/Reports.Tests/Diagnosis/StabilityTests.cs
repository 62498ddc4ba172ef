using Tuner.Reports.Diagnosis;

namespace Reports.Tests.Diagnosis;

public sealed class StabilityTests
{
    [Fact]
    public void An_oscillating_validation_loss_is_unstable_and_hides_the_shape_rules()
    {
        var diagnosis = FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.Oscillating()));
        Assert.Equal(FitKind.Unstable, diagnosis.Kind);
        Assert.Single(diagnosis.Findings);
        Assert.Contains(diagnosis.Evidence, line => line.Contains("changed direction 8 times in 8 chances", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Recommendations, r => r.Contains("batch size", StringComparison.Ordinal));
    }

    [Fact]
    public void Small_jitter_is_not_unstable()
    {
        var curve = Curves.Make(20, e => 0.2 + 0.8 * Math.Exp(-0.5 * e), e => 0.23 + 0.8 * Math.Exp(-0.5 * e) + (e % 2 == 0 ? 0.005 : 0));
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Unstable));
    }

    [Fact]
    public void Fewer_than_the_minimum_epochs_are_never_unstable()
    {
        var curve = Curves.Make(4, e => 1 / (1 + 0.1 * e), e => e % 2 == 0 ? 0.7 : 0.5);
        Assert.False(FitDiagnoser.Diagnose(new TrialDiagnosis(curve)).Has(FitKind.Unstable));
    }

    // Second half (epochs 11–20) alternates 1.125 / 0.875: mean exactly 1, mean |step| exactly 0.25.
    [Theory]
    [InlineData(0.25, false)]
    [InlineData(0.2499, true)]
    public void Amplitude_threshold_is_strict(double limit, bool unstable)
    {
        var curve = Curves.Make(20, e => 1 / (1 + 0.1 * e), e => e % 2 == 0 ? 1.125 : 0.875);
        var thresholds = new DiagnosisThresholds { UnstableAmplitude = limit };
        Assert.Equal(unstable, FitDiagnoser.Diagnose(new TrialDiagnosis(curve), thresholds).Has(FitKind.Unstable));
    }

    // Second half steps: + + − − + gives 2 changes in 4 chances (exactly 0.5); + + + − − gives 1 in 4.
    [Theory]
    [InlineData(new[] { 1.0, 1.2, 1.4, 1.2, 1.0, 1.2 }, true)]
    [InlineData(new[] { 1.0, 1.2, 1.4, 1.6, 1.4, 1.2 }, false)]
    public void Direction_change_share_is_inclusive(double[] secondHalf, bool unstable)
    {
        var validation = Enumerable.Repeat(1.0, 6).Concat(secondHalf).ToArray();
        var training = Enumerable.Range(1, 12).Select(e => 1.0 / e).ToArray();
        Assert.Equal(unstable, FitDiagnoser.Diagnose(new TrialDiagnosis(Curves.Of(training, validation))).Has(FitKind.Unstable));
    }
}
