namespace Tuner.Search.Tpe;

/// <summary>Draws from Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (System.Random has neither).</summary>
internal static class BetaDistribution
{
    public static double Sample(double a, double b, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        var x = Gamma(a, random);
        var y = Gamma(b, random);
        return x + y > 0 ? x / (x + y) : a / (a + b);
    }

    /// <summary>Marsaglia and Tsang (2000); a shape below 1 is drawn at shape + 1 and scaled by U^(1/shape).</summary>
    private static double Gamma(double shape, Random random)
    {
        if (shape < 1)
            return Gamma(shape + 1, random) * Math.Pow(1 - random.NextDouble(), 1 / shape);

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = NormalMath.StandardNormal(random);
                v = 1 + c * z;
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
