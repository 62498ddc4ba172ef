using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>Rule 5: validation loss turned up while training loss kept falling, or the train–validation gap widened.</summary>
internal static class OverfittingRule
{
    public static Finding? Check(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds thresholds)
    {
        int n = curve.Count;
        if (n < thresholds.MinEpochs) return null;
        int k = CurveFacts.BestIndex(curve);
        var best = curve[k];
        var last = curve[^1];
        var evidence = new List<string>();
        var recommendations = new List<string>();

        bool turnedUp = false;
        if (k < n - 1 && best.ValidationLoss > 0 && best.TrainingLoss > 0)
        {
            double rise = (last.ValidationLoss - best.ValidationLoss) / best.ValidationLoss;
            if (rise > thresholds.OverfitRise && last.TrainingLoss < best.TrainingLoss)
            {
                turnedUp = true;
                double fall = (best.TrainingLoss - last.TrainingLoss) / best.TrainingLoss;
                evidence.Add($"validation loss rose {Pct(rise)} from its minimum {Num(best.ValidationLoss)} at epoch {best.Epoch} to {Num(last.ValidationLoss)} at epoch {last.Epoch} while training loss fell {Pct(fall)} (limit {Pct(thresholds.OverfitRise)})");
                recommendations.Add($"stop at epoch {best.Epoch} (early_stopping_patience {thresholds.SuggestedPatience})");
            }
        }

        var middle = curve[(n - 1) / 2];
        if (last.TrainingLoss > 0 && middle.TrainingLoss > 0)
        {
            double gap = last.ValidationLoss / last.TrainingLoss - 1;
            double earlier = middle.ValidationLoss / middle.TrainingLoss - 1;
            if (gap > thresholds.OverfitGap && gap > earlier)
            {
                evidence.Add($"validation loss {Num(last.ValidationLoss)} is {Pct(gap)} above training loss {Num(last.TrainingLoss)} at epoch {last.Epoch}, up from {Pct(earlier)} at epoch {middle.Epoch} (limit {Pct(thresholds.OverfitGap)})");
                if (!turnedUp) recommendations.Add($"use early stopping (early_stopping_patience {thresholds.SuggestedPatience})");
            }
        }

        if (evidence.Count == 0) return null;
        recommendations.Add("raise L2 (l2) or L1 (l1)");
        recommendations.Add(CurveFacts.IsMlp(curve) ? "fewer hidden units (hidden_size) or hidden layers" : "fewer features or a simpler model");
        string title = turnedUp ? $"Overfitting after epoch {best.Epoch}" : "Overfitting: widening train–validation gap";
        return new Finding(FitKind.Overfitting, title, evidence, recommendations);
    }
}
