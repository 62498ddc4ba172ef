using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Diagnoses over- and underfitting (and worse) of one trial from its learning curve, or from its final train and
/// validation metric when the trainer reports no curve, by the textbook definitions (benchmarks/DiagnosisAgreement/
/// LABELS.md, which the labelled corpus follows). The verdict is the first rule of <see cref="VerdictRules"/> that fires, in this order:
/// <list type="number">
/// <item><see cref="DivergenceRule"/>: NaN or infinite losses, a reported divergence, a training loss that blew up
/// (10× its minimum, by half its first value or of the study's normal loss), or (sgd, mlp) losses that stay above
/// 10× the study's normal one.</item>
/// <item><see cref="ShortCurveRule"/>: three epochs or fewer, unless they were all it was set to run and still falling.</item>
/// <item><see cref="StabilityRule"/>: the second half's validation loss turns at least twice, in half its steps, with a
/// mean step above 2.5% of its level, warm restarts left out.</item>
/// <item><see cref="OverfittingRule"/>: validation up by more than 2% and 3× the noise from its minimum while training
/// fell; or the gap widened by a tenth of the validation loss while validation stalled.</item>
/// <item><see cref="UnderfittingRule"/>: ran every planned epoch with both losses still falling steadily (by 1% and 3×
/// the noise over the last fifth), or training and validation metric both more than 5% worse than the study's best
/// (without a training metric: a training loss above 1.5× the study's normal one).</item>
/// <item>Good fit.</item>
/// </list>
/// Exploding and vanishing gradients (<see cref="GradientRules"/>) are further findings after the verdict. Without a
/// curve, <see cref="MetricGapRule"/> judges the final metrics against the study. How the curve ended (all epochs,
/// early stopping, pruned) is named in the verdict's evidence; "more epochs" is advised only to a curve that ran out.
/// </summary>
internal static class FitDiagnoser
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
        var verdict = DivergenceRule.Check(trial, exploding, limits);
        if (verdict is null && CurveFacts.BestIndex(curve) >= 0)
            verdict = VerdictRules.ForCurves.Select(rule => rule.Check(trial, limits)).FirstOrDefault(f => f is not null) ?? GoodFit(curve, limits);
        var findings = new List<Finding?> { verdict ?? Unjudged(trial), exploding, GradientRules.Vanishing(curve, limits) };
        return findings.OfType<Finding>().ToList();
    }

    private static List<Finding> NoCurve(TrialDiagnosis trial, DiagnosisThresholds limits)
    {
        if (DivergenceRule.Check(trial, null, limits) is { } diverged) return [diverged];
        if (MetricGapRule.Check(trial, limits) is { } finding) return [finding];
        return [Unjudged(trial)];
    }

    private static Finding Unjudged(TrialDiagnosis trial) => new(FitKind.Unknown, "Not enough data to diagnose",
        [$"no learning curve ({trial.Curve.Count} epochs) and no final training and validation metric were recorded"],
        ["record the per-epoch losses, or the final training and validation metric, to get a diagnosis"]);

    private static Finding GoodFit(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds limits)
    {
        var best = curve[CurveFacts.BestIndex(curve)];
        var last = curve[^1];
        var evidence = new List<string>
        {
            $"best validation loss {Num(best.ValidationLoss)} at {CurveFacts.Unit(curve)} {best.Epoch} of {last.Epoch}; final {Num(last.ValidationLoss)}, training {Num(last.TrainingLoss)}",
        };
        var recommendations = new List<string> { "keep these settings" };
        if (best.Epoch < last.Epoch - limits.SuggestedPatience && !CurveFacts.IsTrees(curve))
            recommendations.Add($"early stopping (early_stopping_patience {limits.SuggestedPatience}) would save the epochs after {best.Epoch}");
        return new Finding(FitKind.GoodFit, "Good fit", evidence, recommendations);
    }

    /// <summary>The verdict's evidence ends with how the curve ended; a failed trial's advice starts with fixing the failure.</summary>
    private static Finding Annotate(Finding verdict, TrialDiagnosis trial)
    {
        var evidence = trial.Curve.Count == 0 ? verdict.Evidence : [.. verdict.Evidence, Ending(trial)];
        if (trial.State == TrialState.Failed)
            return verdict with { Evidence = [.. evidence, $"the trial failed: {trial.Error ?? "no message"}"], Recommendations = ["fix the cause of the failure and rerun the trial", .. verdict.Recommendations] };
        return verdict with { Evidence = evidence };
    }
}
