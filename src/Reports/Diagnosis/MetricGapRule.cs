using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// The rules for a trial without a curve, judged against the study: underfitting when validation is well below the
/// study's best and training no better than that best either; overfitting when training is much better than
/// validation (an absolute gap for AUC, accuracy and R²; relative to the validation value for loss-like metrics,
/// so it stays bounded as the training error nears zero) and validation is below the study's best.
/// </summary>
internal static class MetricGapRule
{
    public static Finding? Check(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        if (trial.Metric is not { } metric || trial.TrainingMetric is not { } train || trial.ValidationMetric is not { } valid
            || !double.IsFinite(train) || !double.IsFinite(valid))
            return null;

        double gap = metric.HigherIsBetter ? train - valid : (valid - train) / Math.Max(Math.Abs(valid), 1e-12);
        double limit = metric.HigherIsBetter ? thresholds.MetricGap : thresholds.OverfitGap;
        string gapText = metric.HigherIsBetter ? Num(gap) : Pct(gap) + " of validation";
        string limitText = metric.HigherIsBetter ? Num(limit) : Pct(limit);
        string gapLine = $"training {metric.Name} {Num(train)} vs validation {Num(valid)}: a gap of {gapText} (limit {limitText})";
        double? behind = trial.StudyBest is { } best && double.IsFinite(best) ? CurveFacts.RelativeShortfall(valid, best, metric.HigherIsBetter) : null;
        string? behindLine = trial.StudyBest is { } b && behind is { } s
            ? $"validation {metric.Name} {Num(valid)} is {(s > 0 ? Pct(s) + " worse than" : "as good as")} the study's best {Num(b)}"
            : null;

        if (gap > limit && behind is { } shortfall && shortfall > thresholds.OverfitShortfall)
        {
            return new Finding(FitKind.Overfitting, $"Overfitting: {metric.Name} gap {gapText}", [gapLine, behindLine!],
            [
                "raise the regularization (l1, l2; for trees fewer leaves or more examples per leaf)",
                "fewer iterations or trees, or early stopping",
                "more training rows or fewer features",
            ]);
        }

        if (behind is { } worse && worse > thresholds.BaselineShortfall
            && CurveFacts.RelativeShortfall(train, trial.StudyBest!.Value, metric.HigherIsBetter) > 0)
            return new Finding(FitKind.Underfitting, "Underfitting: below the study's best on training rows too",
                [$"{behindLine} (limit {Pct(thresholds.BaselineShortfall)})", gapLine], UnderfittingRule.FlexibleModel);

        return new Finding(FitKind.GoodFit, "Good fit",
            [gapLine, behindLine ?? "no study best was given, so underfitting (both values poor) could not be judged"],
            ["keep these settings"]);
    }
}
