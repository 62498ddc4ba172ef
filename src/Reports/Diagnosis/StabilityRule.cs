using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Unstable: the validation loss swings up and down over the second half of the curve (its last four epochs at
/// least), often and widely. A step into a warm restart is the schedule's doing and not counted.
/// </summary>
internal static class StabilityRule
{
    public static VerdictRule Entry { get; } = new("unstable", FitKind.Unstable,
        "the second half's validation loss swings up and down, often and widely, warm restarts left out", (trial, limits) => Check(trial.Curve, limits));

    public static Finding? Check(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds thresholds)
    {
        int n = curve.Count;
        if (n < thresholds.UnstableMinEpochs) return null;
        var half = curve.Skip(Math.Max(0, Math.Min(n / 2, n - 4))).ToArray();

        double level = half.Average(r => r.ValidationLoss);
        if (!(level > 0)) return null;
        // Steps under half a percent of the level carry no direction; a change is a sign flip between consecutive directed steps.
        var steps = new List<double>();
        for (int i = 1; i < half.Length; i++)
            if (!CurveFacts.RateRose(half, i))
                steps.Add(half[i].ValidationLoss - half[i - 1].ValidationLoss);
        var directed = steps.Where(d => Math.Abs(d) > 0.005 * level).ToArray();
        int chances = directed.Length - 1;
        int changes = 0;
        for (int i = 1; i < directed.Length; i++)
            if (Math.Sign(directed[i]) != Math.Sign(directed[i - 1])) changes++;

        // Up and down means two turns at least: one turn is a single bump or a dip.
        if (changes < 2) return null;
        double share = (double)changes / chances;
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
