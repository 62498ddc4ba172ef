using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Underfitting: both losses still falling steadily when the trial ran out of planned epochs (never when it stopped
/// itself, or was stopped, past its minimum); or a model poor on its own training rows: its training metric well
/// worse than the study's best validation metric.
/// </summary>
internal static class UnderfittingRule
{
    public static IReadOnlyList<string> FlexibleModel { get; } =
        ["use a more flexible model (mlp, or trees: lightgbm, fasttree)", "lower the regularization (l1, l2)"];

    public static VerdictRule Entry { get; } = new("underfitting", FitKind.Underfitting,
        "both losses still falling when the planned epochs ran out, or poor on the training rows as well", Check);

    public static Finding? Check(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        var curve = trial.Curve;
        var evidence = new List<string>();
        var recommendations = new List<string>();
        bool stillFalling = false, poor = false;

        if (StillFalling(trial, thresholds) is { } falling)
        {
            stillFalling = true;
            evidence.Add(falling);
            var last = curve[^1];
            recommendations.Add(CurveFacts.IsTrees(curve) ? $"more trees (trees {2 * last.Epoch}) or a higher learning rate (learning_rate)" : $"more epochs (epochs {2 * last.Epoch})");
            if (!CurveFacts.IsTrees(curve)) recommendations.Add("raise the learning rate (learning_rate) or use a slower-decaying schedule");
        }

        if (PoorOnTraining(trial, thresholds) is { } shortfall)
        {
            poor = true;
            evidence.Add(shortfall);
            recommendations.AddRange(FlexibleModel);
        }

        if (evidence.Count == 0) return null;
        string title = (stillFalling, poor) switch
        {
            (true, false) => $"Underfitting: still improving when its {curve.Count} planned {(CurveFacts.IsTrees(curve) ? "rounds" : "epochs")} ran out",
            (false, true) => "Underfitting: poor on its own training rows",
            _ => "Underfitting",
        };
        return new Finding(FitKind.Underfitting, title, evidence, recommendations);
    }

    /// <summary>
    /// The evidence line when the trial ran all its planned epochs, its lowest validation loss is one of the last two,
    /// and over the tail both losses fell steadily (validation down in its last step and in most of the tail's steps),
    /// validation by strictly more than the drop limit and the noise.
    /// </summary>
    public static string? StillFalling(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        var curve = trial.Curve;
        int n = curve.Count;
        if (n < 2 || trial.End != CurveEnd.AllEpochs || CurveFacts.BestIndex(curve) < n - 2) return null;
        int tail = Math.Min(Math.Max(2, (int)Math.Ceiling(thresholds.UnderfitTailShare * n)), n - 1);
        var start = curve[n - 1 - tail];
        var last = curve[^1];
        double drop = start.ValidationLoss - last.ValidationLoss;
        double limit = Math.Max(thresholds.UnderfitTailDrop * Math.Abs(last.ValidationLoss), thresholds.NoiseMultiple * CurveFacts.Noise(curve));
        int falls = 0;
        for (int i = n - tail; i < n; i++)
            if (curve[i].ValidationLoss < curve[i - 1].ValidationLoss) falls++;
        bool steadily = last.ValidationLoss < curve[n - 2].ValidationLoss && 2 * falls > tail;
        if (!(drop > limit) || !steadily || !(last.TrainingLoss < start.TrainingLoss)) return null;
        return $"it ran all {n} planned {(CurveFacts.IsTrees(curve) ? "rounds" : "epochs")} and validation loss still fell {Pct(drop / Math.Abs(start.ValidationLoss))} over the last {tail}, from {Num(start.ValidationLoss)} at epoch {start.Epoch} to {Num(last.ValidationLoss)} at epoch {last.Epoch} (limit {Pct(limit / Math.Abs(last.ValidationLoss))}), training loss with it ({Num(start.TrainingLoss)} → {Num(last.TrainingLoss)})";
    }

    /// <summary>
    /// The evidence line when both the training and the validation metric are strictly more than the allowed share
    /// worse than the study's best validation value; without a training metric (a pruned trial), when the last training loss is strictly
    /// above the limit times the study's reference loss.
    /// </summary>
    public static string? PoorOnTraining(TrialDiagnosis trial, DiagnosisThresholds thresholds)
    {
        if (trial.TrainingMetric is null && trial.Curve.Count > 0 && trial.ReferenceLoss is { } reference && reference > 0)
        {
            double t = trial.Curve[^1].TrainingLoss;
            return t > thresholds.PoorTrainingLoss * reference
                ? $"even its training loss {Num(t)} at epoch {trial.Curve[^1].Epoch} is {Times(t / reference)} the study's normal validation loss {Num(reference)} for this trainer and loss (limit {Times(thresholds.PoorTrainingLoss)})"
                : null;
        }
        if (trial.Metric is not { } metric || trial.StudyBest is not { } best || trial.TrainingMetric is not { } train
            || !double.IsFinite(train) || !double.IsFinite(best))
            return null;
        double valid = trial.ValidationMetric ?? (trial.Curve.Count > 0 ? trial.Curve[^1].ValidationMetric : double.NaN);
        double shortfall = CurveFacts.RelativeShortfall(train, best, metric.HigherIsBetter);
        double validShortfall = CurveFacts.RelativeShortfall(valid, best, metric.HigherIsBetter);
        if (!(shortfall > thresholds.BaselineShortfall) || !(validShortfall > thresholds.BaselineShortfall)) return null;
        return $"even on its training rows {metric.Name} is {Num(train)}, {Pct(shortfall)} worse than the study's best validation {metric.Name} {Num(best)}, and validation {Num(valid)} is {Pct(validShortfall)} worse (limit {Pct(thresholds.BaselineShortfall)})";
    }
}
