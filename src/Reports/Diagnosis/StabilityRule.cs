using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>Rule 4: the validation loss oscillates over the second half of the curve.</summary>
internal static class StabilityRule
{
    public static Finding? Check(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds thresholds)
    {
        int n = curve.Count;
        if (n < thresholds.UnstableMinEpochs) return null;
        var half = curve.Skip(n / 2).ToArray();

        // Zero steps carry no direction; a change is a sign flip between consecutive non-zero steps.
        var steps = new List<double>();
        for (int i = 1; i < half.Length; i++) steps.Add(half[i].ValidationLoss - half[i - 1].ValidationLoss);
        var directed = steps.Where(d => d != 0).ToArray();
        int chances = directed.Length - 1;
        if (chances < 1) return null;
        int changes = 0;
        for (int i = 1; i < directed.Length; i++)
            if (Math.Sign(directed[i]) != Math.Sign(directed[i - 1])) changes++;

        double share = (double)changes / chances;
        double level = half.Average(r => r.ValidationLoss);
        if (level <= 0) return null;
        double amplitude = steps.Average(Math.Abs) / level;
        if (share < thresholds.UnstableDirectionChanges || amplitude <= thresholds.UnstableAmplitude) return null;

        return new Finding(FitKind.Unstable, "Unstable validation loss",
        [
            $"validation loss changed direction {changes} times in {chances} chances over epochs {half[0].Epoch}–{half[^1].Epoch} ({Pct(share)}, limit {Pct(thresholds.UnstableDirectionChanges)})",
            $"its mean epoch-to-epoch swing is {Pct(amplitude)} of its mean {Num(level)} there (limit {Pct(thresholds.UnstableAmplitude)})",
        ],
        [
            "lower the learning rate (learning_rate)",
            "raise the batch size (batch_size)",
            "use a decaying schedule (schedule=cosine, step or plateau)",
        ]);
    }
}
