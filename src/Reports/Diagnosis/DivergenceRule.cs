using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Diverged: the trainer reported divergence, a loss is NaN or infinite, the training loss blew up (many times its
/// minimum, by an amount that matters at the curve's scale), or the losses never came near the study's normal loss.
/// </summary>
internal static class DivergenceRule
{
    public static VerdictRule Entry { get; } = new("diverged", FitKind.Diverged,
        "NaN or infinite losses, a reported divergence, a training loss that blew up, or losses far above the study's normal one",
        (trial, limits) => Check(trial, trial.Curve.Count == 0 ? null : GradientRules.Exploding(trial.Curve, limits), limits));

    public static Finding? Check(TrialDiagnosis trial, Finding? exploding, DiagnosisThresholds thresholds)
    {
        var curve = trial.Curve;
        var evidence = new List<string>();
        if (trial.State == TrialState.Diverged)
            evidence.Add($"the trainer reported divergence after {curve.Count} recorded epoch(s): {trial.Error ?? "no message"}");

        var nonFinite = curve.FirstOrDefault(r => !double.IsFinite(r.TrainingLoss) || !double.IsFinite(r.ValidationLoss));
        if (nonFinite is not null)
        {
            bool training = !double.IsFinite(nonFinite.TrainingLoss);
            double value = training ? nonFinite.TrainingLoss : nonFinite.ValidationLoss;
            evidence.Add($"{(training ? "training" : "validation")} loss is {Num(value)} at epoch {nonFinite.Epoch}");
        }

        if (nonFinite is null && Growth(curve, trial.ReferenceLoss, thresholds) is { } growth) evidence.Add(growth);
        if (nonFinite is null && NeverNormal(trial, thresholds) is { } far) evidence.Add(far);
        if (evidence.Count == 0) return null;

        var recommendations = new List<string> { "lower the learning rate (learning_rate)", "enable gradient clipping (clip=norm)" };
        if (exploding is not null)
        {
            evidence.AddRange(exploding.Evidence);
            recommendations.Add("the gradient norm exploded before the loss did: clipping (clip=norm, clip_threshold 1) addresses the cause");
        }
        return new Finding(FitKind.Diverged, "Diverged", evidence, recommendations);
    }

    /// <summary>The first epoch whose training loss is strictly above growth × the running minimum before it, by more than the scale share of the curve's scale.</summary>
    private static string? Growth(IReadOnlyList<EpochRecord> curve, double? reference, DiagnosisThresholds thresholds)
    {
        int minIndex = -1;
        // The curve's own scale: where it started, or the study's normal loss when the start was itself a blow-up.
        double scale = curve.Count == 0 ? 0 : thresholds.DivergenceScale * Math.Min(curve[0].TrainingLoss, reference ?? double.PositiveInfinity);
        for (int i = 0; i < curve.Count; i++)
        {
            double t = curve[i].TrainingLoss;
            if (minIndex >= 0 && curve[minIndex].TrainingLoss > 0 && t > thresholds.DivergenceGrowth * curve[minIndex].TrainingLoss
                && t - curve[minIndex].TrainingLoss > scale)
            {
                var min = curve[minIndex];
                return $"training loss reached {Num(t)} at epoch {curve[i].Epoch}, {Times(t / min.TrainingLoss)} its minimum {Num(min.TrainingLoss)} at epoch {min.Epoch} (limit {Times(thresholds.DivergenceGrowth)})";
            }
            if (minIndex < 0 || t < curve[minIndex].TrainingLoss) minIndex = i;
        }
        return null;
    }

    /// <summary>
    /// When even the lowest validation loss is strictly above the limit times the study's reference loss and the curve
    /// never came down to half its first value: a slow learner falls steadily from a high start, a diverged one sits
    /// there. It takes more epochs than a too-short curve has to see that the loss stays; boosted trees start from the
    /// base rate and are never judged so.
    /// </summary>
    private static string? NeverNormal(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        var curve = trial.Curve;
        int best = CurveFacts.BestIndex(curve);
        if (best < 0 || curve.Count <= thresholds.TooShortEpochs || CurveFacts.IsTrees(curve) || trial.ReferenceLoss is not { } reference || !(reference > 0))
            return null;
        double low = curve[best].ValidationLoss;
        return low > thresholds.DivergedAboveReference * reference && curve[^1].ValidationLoss > curve[0].ValidationLoss / 2
            ? $"the lowest validation loss, {Num(low)} at epoch {trial.Curve[best].Epoch}, is {Times(low / reference)} the study's normal loss {Num(reference)} for this trainer and loss (limit {Times(thresholds.DivergedAboveReference)}): it never converged"
            : null;
    }
}
