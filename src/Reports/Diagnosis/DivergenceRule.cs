using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>Rule 1: the trainer reported divergence, a loss is NaN or infinite, or the training loss exploded.</summary>
internal static class DivergenceRule
{
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

        if (Growth(curve, thresholds.DivergenceGrowth) is { } growth) evidence.Add(growth);
        if (evidence.Count == 0) return null;

        var recommendations = new List<string> { "lower the learning rate (learning_rate)", "enable gradient clipping (clip=norm)" };
        if (exploding is not null)
        {
            evidence.AddRange(exploding.Evidence);
            recommendations.Add("the gradient norm exploded before the loss did: clipping (clip=norm, clip_threshold 1) addresses the cause");
        }
        return new Finding(FitKind.Diverged, "Diverged", evidence, recommendations);
    }

    /// <summary>The first epoch whose training loss is strictly above growth × the running minimum before it.</summary>
    private static string? Growth(IReadOnlyList<EpochRecord> curve, double growth)
    {
        int minIndex = -1;
        for (int i = 0; i < curve.Count; i++)
        {
            double t = curve[i].TrainingLoss;
            if (!double.IsFinite(t)) return null;
            if (minIndex >= 0 && curve[minIndex].TrainingLoss > 0 && t > growth * curve[minIndex].TrainingLoss)
            {
                var min = curve[minIndex];
                return $"training loss reached {Num(t)} at epoch {curve[i].Epoch}, {Times(t / min.TrainingLoss)} its minimum {Num(min.TrainingLoss)} at epoch {min.Epoch} (limit {Times(growth)})";
            }
            if (minIndex < 0 || t < curve[minIndex].TrainingLoss) minIndex = i;
        }
        return null;
    }
}
