using Tuner.Trainers.Training;

namespace Tuner.Reports.Diagnosis;

/// <summary>Small facts about a learning curve shared by the rules.</summary>
internal static class CurveFacts
{
    /// <summary>Index of the lowest finite validation loss (the earliest on ties), or -1 when there is none.</summary>
    public static int BestIndex(IReadOnlyList<EpochRecord> curve)
    {
        int best = -1;
        for (int i = 0; i < curve.Count; i++)
        {
            double v = curve[i].ValidationLoss;
            if (double.IsFinite(v) && (best < 0 || v < curve[best].ValidationLoss)) best = i;
        }
        return best;
    }

    /// <summary>How much worse <paramref name="value"/> is than <paramref name="reference"/>, relative to |reference|; negative when better.</summary>
    public static double RelativeShortfall(double value, double reference, bool higherIsBetter)
    {
        double worse = higherIsBetter ? reference - value : value - reference;
        return worse / Math.Max(Math.Abs(reference), 1e-12);
    }

    /// <summary>
    /// The epoch-to-epoch noise of the validation loss (a standard deviation) over the second half of the curve, where
    /// it has settled, from the median absolute second difference, which a steady trend or a smooth bend leaves near
    /// zero: for white noise of deviation s, second differences have deviation s·√6 and a median absolute value of
    /// 0.674·s·√6. Epochs right after a rise of the learning rate are left out (a restart moves the loss on purpose).
    /// Zero when fewer than two second differences remain.
    /// </summary>
    public static double Noise(IReadOnlyList<EpochRecord> curve)
    {
        var second = new List<double>();
        for (int i = Math.Max(2, Math.Min(curve.Count / 2, curve.Count - 4)); i < curve.Count; i++)
            if (!RateRose(curve, i) && !RateRose(curve, i - 1))
                second.Add(Math.Abs(curve[i].ValidationLoss - 2 * curve[i - 1].ValidationLoss + curve[i - 2].ValidationLoss));
        if (second.Count < 2) return 0;
        second.Sort();
        return second[second.Count / 2] / (0.6745 * Math.Sqrt(6));
    }

    /// <summary>Whether epoch i's learning rate jumped to more than twice the epoch before's: a warm restart (one-cycle's climb and warmup are gradual).</summary>
    public static bool RateRose(IReadOnlyList<EpochRecord> curve, int i) =>
        i > 0 && curve[i].LearningRate > 2 * curve[i - 1].LearningRate;

    /// <summary>The last epoch whose learning rate rose, or -1.</summary>
    public static int LastRateRise(IReadOnlyList<EpochRecord> curve)
    {
        for (int i = curve.Count - 1; i > 0; i--)
            if (RateRose(curve, i)) return i;
        return -1;
    }

    /// <summary>Boosted trees record rounds without gradient norms.</summary>
    public static bool IsTrees(IReadOnlyList<EpochRecord> curve) => curve.Count > 0 && double.IsNaN(curve[0].GradientNorm) && curve[0].LayerGradientNorms.Count == 0;

    /// <summary>What one point of the curve is: a boosting round or an epoch.</summary>
    public static string Unit(IReadOnlyList<EpochRecord> curve) => IsTrees(curve) ? "round" : "epoch";

    public static bool IsMlp(IReadOnlyList<EpochRecord> curve) => curve.Count > 0 && curve[0].LayerGradientNorms.Count >= 2;
}
