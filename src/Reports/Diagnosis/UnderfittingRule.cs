using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>Rule 6: still improving steeply at the last epoch, or well below the study's best with train ≈ validation.</summary>
internal static class UnderfittingRule
{
    public static IReadOnlyList<string> FlexibleModel { get; } =
        ["use a more flexible model (mlp, or trees: lightgbm, fasttree)", "lower the regularization (l1, l2)"];

    public static Finding? Check(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        var curve = trial.Curve;
        int n = curve.Count;
        if (n < thresholds.MinEpochs) return null;
        var last = curve[^1];
        var evidence = new List<string>();
        var recommendations = new List<string>();
        bool stillFalling = false, belowBest = false;

        int tail = Math.Min(Math.Max(2, (int)Math.Ceiling(thresholds.UnderfitTailShare * n)), n - 1);
        var start = curve[n - 1 - tail];
        if (start.ValidationLoss > 0)
        {
            double drop = (start.ValidationLoss - last.ValidationLoss) / start.ValidationLoss;
            if (drop / tail > thresholds.UnderfitDropPerEpoch)
            {
                stillFalling = true;
                evidence.Add($"validation loss still fell {Pct(drop)} over the last {tail} epochs, {Pct(drop / tail)} per epoch, from {Num(start.ValidationLoss)} at epoch {start.Epoch} to {Num(last.ValidationLoss)} at epoch {last.Epoch} (limit {Pct(thresholds.UnderfitDropPerEpoch)} per epoch)");
                recommendations.Add($"more epochs (epochs {2 * last.Epoch})");
                recommendations.Add("raise the learning rate (learning_rate) or use a slower-decaying schedule");
            }
        }

        bool agree = last.TrainingLoss > 0 && last.ValidationLoss <= (1 + thresholds.OverfitGap) * last.TrainingLoss;
        double value = trial.ValidationMetric ?? last.ValidationMetric;
        if (agree && Baseline(trial, value, thresholds) is { } shortfall)
        {
            belowBest = true;
            evidence.Add(shortfall);
            evidence.Add($"training and validation loss agree: {Num(last.TrainingLoss)} and {Num(last.ValidationLoss)} at epoch {last.Epoch} (gap limit {Pct(thresholds.OverfitGap)})");
            recommendations.AddRange(FlexibleModel);
        }

        if (evidence.Count == 0) return null;
        string title = (stillFalling, belowBest) switch
        {
            (true, false) => "Underfitting: still improving at the last epoch",
            (false, true) => "Underfitting: well below the study's best",
            _ => "Underfitting",
        };
        return new Finding(FitKind.Underfitting, title, evidence, recommendations);
    }

    /// <summary>The evidence line when <paramref name="value"/> is strictly more than the allowed share worse than the study's best.</summary>
    public static string? Baseline(TrialDiagnosis trial, double value, DiagnosisThresholds thresholds)
    {
        if (trial.Metric is not { } metric || trial.StudyBest is not { } best || !double.IsFinite(value) || !double.IsFinite(best))
            return null;
        double shortfall = CurveFacts.RelativeShortfall(value, best, metric.HigherIsBetter);
        return shortfall > thresholds.BaselineShortfall
            ? $"validation {metric.Name} {Num(value)} is {Pct(shortfall)} worse than the study's best {Num(best)} (limit {Pct(thresholds.BaselineShortfall)})"
            : null;
    }
}
