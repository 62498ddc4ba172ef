using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Diagnoses over- and underfitting (and worse) of one trial from its learning curve, or from its final train and
/// validation metric when the trainer reports no curve. Every rule below that fires becomes a <see cref="Finding"/>;
/// the findings are listed in this priority order and the first is the primary one. n is the number of epochs,
/// T and V the training and validation loss, "last" the final epoch, k the epoch of the lowest V (earliest on ties).
/// Defaults are those of <see cref="DiagnosisThresholds"/>.
/// <list type="table">
/// <listheader><term>#, kind</term><description>fires when (curve trials)</description></listheader>
/// <item><term>1 Diverged</term><description>the trial state is Diverged; or any T or V is NaN/∞; or some T is
/// strictly above 10 × the lowest (positive) T before it. When this fires, only rules 2 and 3 are evaluated besides.</description></item>
/// <item><term>2 ExplodingGradients</term><description>n ≥ 2 and some gradient norm is NaN/∞ or strictly above
/// 100 × epoch 1's (epoch 1's must be finite and &gt; 0).</description></item>
/// <item><term>3 VanishingGradients</term><description>epochs report ≥ 2 layer gradient norms (an MLP); over the
/// last 3 such epochs the input layer's mean norm is strictly below 1e-3 × the output layer's; or it is strictly
/// below 1/100 of its epoch-1 value while the output layer's is at least 1/10 of its epoch-1 value.</description></item>
/// <item><term>4 Unstable</term><description>n ≥ 10; over the epochs from ⌊n/2⌋+1 to n, the share of sign flips
/// between consecutive non-zero V steps is ≥ 0.5, and the mean |V step| is strictly above 5% of the mean V there.
/// When this fires, rules 5 and 6 are skipped (their shape tests mean nothing on an oscillating curve).</description></item>
/// <item><term>5 Overfitting</term><description>n ≥ 3 and either (a) k &lt; last, V_last strictly more than 5% above
/// V_k and T_last &lt; T_k; or (b) V_last &gt; 1.3 × T_last (strictly) and that relative gap is strictly larger than
/// at the middle epoch ⌊(n−1)/2⌋+1.</description></item>
/// <item><term>6 Underfitting</term><description>n ≥ 3 and either (a) over the last w = min(max(2, ⌈0.2·n⌉), n−1)
/// epochs V fell strictly more than 2% of its value w epochs before the last, per epoch; or (b) a metric and the
/// study's best are given, V_last ≤ 1.3 × T_last, and the validation metric (given, else the last epoch's) is
/// strictly more than 5% (relative to |best|) worse than the study's best.</description></item>
/// <item><term>7 GoodFit</term><description>none of the above.</description></item>
/// </list>
/// Without a curve: a Diverged state gives Diverged; with a metric and both final values, overfitting when the
/// validation value is strictly more than 5% (higher-is-better metrics) or 30% (lower-is-better) worse than the
/// training value, relative to |training|; otherwise underfitting by rule 6(b); otherwise GoodFit (noting when no
/// study best was given). Anything else is Unknown. A pruned or failed trial gets a note on its primary finding.
/// </summary>
public static class FitDiagnoser
{
    public static FitDiagnosis Diagnose(TrialDiagnosis trial, DiagnosisThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var limits = thresholds ?? DiagnosisThresholds.Default;
        var curve = trial.Curve;
        var findings = curve.Count == 0 ? NoCurve(trial, limits) : FromCurve(trial, limits);
        findings[0] = Annotate(findings[0], trial);
        int best = CurveFacts.BestIndex(curve);
        return new FitDiagnosis(findings, best < 0 ? null : curve[best].Epoch);
    }

    private static List<Finding> FromCurve(TrialDiagnosis trial, DiagnosisThresholds limits)
    {
        var curve = trial.Curve;
        var exploding = GradientRules.Exploding(curve, limits);
        var diverged = DivergenceRule.Check(trial, exploding, limits);
        var findings = new List<Finding?> { diverged, exploding, GradientRules.Vanishing(curve, limits) };
        if (diverged is null)
        {
            var unstable = StabilityRule.Check(curve, limits);
            findings.Add(unstable);
            if (unstable is null)
            {
                findings.Add(OverfittingRule.Check(curve, limits));
                findings.Add(UnderfittingRule.Check(trial, limits));
            }
        }
        var fired = findings.OfType<Finding>().ToList();
        if (fired.Count == 0) fired.Add(GoodFit(curve, limits));
        return fired;
    }

    private static List<Finding> NoCurve(TrialDiagnosis trial, DiagnosisThresholds limits)
    {
        if (DivergenceRule.Check(trial, null, limits) is { } diverged) return [diverged];
        if (MetricGapRule.Check(trial, limits) is { } finding) return [finding];
        return
        [
            new Finding(FitKind.Unknown, "Not enough data to diagnose",
                ["no learning curve (0 epochs) and no final training and validation metric were recorded"],
                ["record the per-epoch losses, or the final training and validation metric, to get a diagnosis"]),
        ];
    }

    private static Finding GoodFit(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds limits)
    {
        var best = curve[CurveFacts.BestIndex(curve)];
        var last = curve[^1];
        var evidence = new List<string>
        {
            $"best validation loss {Num(best.ValidationLoss)} at epoch {best.Epoch} of {last.Epoch}; final {Num(last.ValidationLoss)}",
        };
        if (last.TrainingLoss > 0)
            evidence.Add($"final train–validation gap {Pct(last.ValidationLoss / last.TrainingLoss - 1)} (overfitting limit {Pct(limits.OverfitGap)})");
        var recommendations = new List<string> { "keep these settings" };
        if (best.Epoch < last.Epoch)
            recommendations.Add($"early stopping (early_stopping_patience {limits.SuggestedPatience}) would save the epochs after {best.Epoch}");
        return new Finding(FitKind.GoodFit, "Good fit", evidence, recommendations);
    }

    private static Finding Annotate(Finding primary, TrialDiagnosis trial)
    {
        string? note = trial.State switch
        {
            TrialState.Pruned => $"the pruner stopped this trial after {trial.Curve.Count} epoch(s): the rules judged a partial curve",
            TrialState.Failed => $"the trial failed after {trial.Curve.Count} epoch(s): {trial.Error ?? "no message"}",
            _ => null,
        };
        if (note is null) return primary;
        var recommendations = trial.State == TrialState.Failed
            ? [.. primary.Recommendations, "fix the cause of the failure and rerun the trial"]
            : primary.Recommendations;
        return primary with { Evidence = [.. primary.Evidence, note], Recommendations = recommendations };
    }
}
