using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// The rules for a trial without a curve: the train–validation gap of the ranking metric for overfitting,
/// the study's best for underfitting.
/// </summary>
internal static class MetricGapRule
{
    public static Finding? Check(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        if (trial.Metric is not { } metric || trial.TrainingMetric is not { } train || trial.ValidationMetric is not { } valid
            || !double.IsFinite(train) || !double.IsFinite(valid))
            return null;

        // Lower-is-better metrics (rmse, mae, logloss) behave like losses, so they share the loss-gap limit.
        double limit = metric.HigherIsBetter ? thresholds.MetricGap : thresholds.OverfitGap;
        double gap = CurveFacts.RelativeShortfall(valid, train, metric.HigherIsBetter);
        string gapLine = $"training {metric.Name} {Num(train)} vs validation {Num(valid)}: validation is {Pct(gap)} worse (limit {Pct(limit)})";
        if (gap > limit)
        {
            return new Finding(FitKind.Overfitting, $"Overfitting: {metric.Name} gap {Pct(gap)}", [gapLine],
            [
                "raise the regularization (l1, l2; for trees fewer leaves or more examples per leaf)",
                "fewer iterations or trees, or early stopping",
                "more training rows or fewer features",
            ]);
        }

        if (UnderfittingRule.Baseline(trial, valid, thresholds) is { } shortfall)
            return new Finding(FitKind.Underfitting, "Underfitting", [shortfall, gapLine], UnderfittingRule.FlexibleModel);

        var evidence = new List<string> { gapLine };
        evidence.Add(trial.StudyBest is { } best
            ? $"validation {metric.Name} {Num(valid)} is within {Pct(thresholds.BaselineShortfall)} of the study's best {Num(best)}"
            : "no study best was given, so underfitting (both values poor) could not be judged");
        return new Finding(FitKind.GoodFit, "Good fit", evidence, ["keep these settings"]);
    }
}
