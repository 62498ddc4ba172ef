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

    public static bool IsMlp(IReadOnlyList<EpochRecord> curve) => curve.Count > 0 && curve[0].LayerGradientNorms.Count >= 2;
}
