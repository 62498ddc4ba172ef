namespace Tuner.Search.Tpe;

/// <summary>The few pieces of the normal distribution the Parzen estimator needs (System.Math has no erf).</summary>
internal static class NormalMath
{
    private const double LogSqrtTwoPi = 0.91893853320467274; // ln(sqrt(2 pi))

    /// <summary>Standard normal cumulative distribution function.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    public static double LogPdf(double x, double mu, double sigma)
    {
        var z = (x - mu) / sigma;
        return -0.5 * z * z - Math.Log(sigma) - LogSqrtTwoPi;
    }

    /// <summary>Complementary error function by a Chebyshev fit (relative error below 1.2e-7 everywhere).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
            + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    public static double StandardNormal(Random random)
    {
        // Box-Muller; 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double LogSumExp(ReadOnlySpan<double> terms)
    {
        var max = double.NegativeInfinity;
        foreach (var t in terms) max = Math.Max(max, t);
        if (double.IsNegativeInfinity(max)) return max;
        var sum = 0.0;
        foreach (var t in terms) sum += Math.Exp(t - max);
        return max + Math.Log(sum);
    }
}
