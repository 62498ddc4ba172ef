using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Overfitting: the validation loss turned up after its minimum, beyond noise, while the training loss kept falling;
/// or the validation–training gap widened substantially while validation stopped improving. With a learning rate
/// that rises again (warm restarts, one-cycle), the end of the curve is the lowest validation loss since the last
/// rise, so a restart's bump is not taken for a turn.
/// </summary>
internal static class OverfittingRule
{
    public static VerdictRule Entry { get; } = new("overfitting", FitKind.Overfitting,
        "validation turned up beyond noise after its minimum while training fell, or the gap widened while validation stalled",
        (trial, limits) => Check(trial.Curve, limits));

    public static Finding? Check(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds thresholds)
    {
        int n = curve.Count;
        int k = CurveFacts.BestIndex(curve);
        var best = curve[k];
        var last = curve[^1];
        double noise = thresholds.NoiseMultiple * CurveFacts.Noise(curve);
        bool trees = CurveFacts.IsTrees(curve);
        string unit = CurveFacts.Unit(curve);
        var evidence = new List<string>();
        var recommendations = new List<string>();

        bool turnedUp = false;
        var end = EndOfCurve(curve, k);
        double rise = end.ValidationLoss - best.ValidationLoss;
        double riseLimit = Math.Max(thresholds.OverfitRise * Math.Abs(best.ValidationLoss), noise);
        if (k < n - 1 && rise > riseLimit && end.TrainingLoss < best.TrainingLoss)
        {
            turnedUp = true;
            evidence.Add($"validation loss rose {Pct(rise / Math.Abs(best.ValidationLoss))} from its minimum {Num(best.ValidationLoss)} at {unit} {best.Epoch} to {Num(end.ValidationLoss)} at {unit} {end.Epoch} (limit {Pct(riseLimit / Math.Abs(best.ValidationLoss))}, noise included) while training loss fell from {Num(best.TrainingLoss)} to {Num(end.TrainingLoss)}");
            recommendations.Add(trees
                ? "early stopping already keeps the trees up to the best round; to go further, regularize"
                : $"stop at epoch {best.Epoch} (early_stopping_patience {thresholds.SuggestedPatience})");
        }

        var middle = curve[(n - 1) / 2];
        double gap = last.ValidationLoss - last.TrainingLoss, earlier = middle.ValidationLoss - middle.TrainingLoss;
        double widening = gap - earlier;
        bool validationStalled = last.ValidationLoss >= middle.ValidationLoss - noise;
        if (!turnedUp && widening > thresholds.OverfitGapGrowth * Math.Abs(last.ValidationLoss) && last.TrainingLoss < middle.TrainingLoss && validationStalled)
        {
            evidence.Add($"the validation–training gap widened from {Num(earlier)} at {unit} {middle.Epoch} to {Num(gap)} at {unit} {last.Epoch} (by {Pct(widening / Math.Abs(last.ValidationLoss))} of the validation loss, limit {Pct(thresholds.OverfitGapGrowth)}) while validation loss stopped improving ({Num(middle.ValidationLoss)} → {Num(last.ValidationLoss)})");
            if (!trees) recommendations.Add($"use early stopping (early_stopping_patience {thresholds.SuggestedPatience})");
        }

        if (evidence.Count == 0) return null;
        recommendations.Add(trees
            ? "fewer leaves, more rows per leaf (min_leaf), L2 (l2), row and column subsampling (bagging_fraction, feature_fraction)"
            : CurveFacts.IsMlp(curve) ? "raise L2 (l2), or fewer hidden units (hidden_size) or layers" : "raise L2 (l2) or L1 (l1)");
        string title = turnedUp ? $"Overfitting after {unit} {best.Epoch}" : "Overfitting: widening train–validation gap";
        return new Finding(FitKind.Overfitting, title, evidence, recommendations);
    }

    /// <summary>The last epoch, or the lowest validation loss after the last rise of the learning rate when that came after the minimum.</summary>
    private static EpochRecord EndOfCurve(IReadOnlyList<EpochRecord> curve, int best)
    {
        int rise = CurveFacts.LastRateRise(curve);
        if (rise <= best) return curve[^1];
        return curve.Skip(rise).MinBy(r => r.ValidationLoss)!;
    }
}
