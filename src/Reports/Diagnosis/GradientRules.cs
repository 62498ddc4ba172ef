using Tuner.Trainers.Training;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>Rules 2 and 3: exploding and vanishing gradients, from the per-epoch gradient norms.</summary>
internal static class GradientRules
{
    public static Finding? Exploding(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds thresholds)
    {
        if (curve.Count < 2) return null;
        double first = curve[0].GradientNorm;
        if (!double.IsFinite(first) || first <= 0) return null;

        string? evidence = null;
        var nonFinite = curve.Skip(1).FirstOrDefault(r => !double.IsFinite(r.GradientNorm));
        if (nonFinite is not null)
        {
            evidence = $"gradient norm went from {Num(first)} at epoch {curve[0].Epoch} to {Num(nonFinite.GradientNorm)} at epoch {nonFinite.Epoch}";
        }
        else
        {
            var peak = curve.Skip(1).MaxBy(r => r.GradientNorm)!;
            if (peak.GradientNorm > thresholds.ExplodingGradientGrowth * first)
                evidence = $"gradient norm grew {Times(peak.GradientNorm / first)} from {Num(first)} at epoch {curve[0].Epoch} to {Num(peak.GradientNorm)} at epoch {peak.Epoch} (limit {Times(thresholds.ExplodingGradientGrowth)})";
        }
        return evidence is null ? null : new Finding(FitKind.ExplodingGradients, "Exploding gradients", [evidence],
            ["enable gradient clipping (clip=norm)", "lower the learning rate (learning_rate)"]);
    }

    public static Finding? Vanishing(IReadOnlyList<EpochRecord> curve, DiagnosisThresholds thresholds)
    {
        var layered = curve
            .Where(r => r.LayerGradientNorms.Count >= 2 && r.LayerGradientNorms.All(double.IsFinite))
            .ToArray();
        if (layered.Length == 0) return null;
        var window = layered[^Math.Min(Math.Max(thresholds.GradientWindow, 1), layered.Length)..];
        double input = window.Average(r => r.LayerGradientNorms[0]);
        double output = window.Average(r => r.LayerGradientNorms[^1]);
        string span = window.Length == 1 ? $"epoch {window[0].Epoch}" : $"epochs {window[0].Epoch}–{window[^1].Epoch}";

        var evidence = new List<string>();
        if (output > 0 && input < thresholds.VanishingRatio * output)
            evidence.Add($"over {span} the input layer's gradient norm averaged {Num(input)}, {Times(input > 0 ? output / input : double.PositiveInfinity)} smaller than the output layer's {Num(output)} (limit {Times(1 / thresholds.VanishingRatio)})");

        double input1 = layered[0].LayerGradientNorms[0], output1 = layered[0].LayerGradientNorms[^1];
        if (input1 > 0 && output1 > 0 && input < input1 / thresholds.VanishingCollapse && output >= output1 / thresholds.VanishingOutputMaxDrop)
            evidence.Add($"the input layer's gradient norm collapsed {Times(input > 0 ? input1 / input : double.PositiveInfinity)} from {Num(input1)} at epoch {layered[0].Epoch} to {Num(input)} over {span}, while the output layer's fell only {Times(output > 0 ? output1 / output : double.PositiveInfinity)} (limits {Times(thresholds.VanishingCollapse)} and {Times(thresholds.VanishingOutputMaxDrop)})");

        return evidence.Count == 0 ? null : new Finding(FitKind.VanishingGradients, "Vanishing gradients", evidence,
        [
            "use He initialisation with ReLU or Xavier with tanh (init=he|xavier, activation=relu|tanh)",
            "raise the learning rate or use Adam (optimizer=adam)",
            "fewer hidden layers (hidden_layers)",
        ]);
    }
}
