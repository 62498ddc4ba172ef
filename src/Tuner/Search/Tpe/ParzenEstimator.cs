namespace Tuner.Search.Tpe;

/// <summary>
/// A mixture of normals truncated to [low, high], one per observation plus a wide prior centred on the range
/// (Bergstra et al. 2011). Works in the internal space: the logarithm for log-scale parameters.
/// Bandwidths follow Optuna's univariate rule: the larger gap to the neighbouring observation (the outermost
/// ones use their inner gap), clipped to [range / min(100, n + 1), range] — the "magic clip" that keeps a
/// cluster of near-identical good points from collapsing to a spike.
/// </summary>
internal sealed class ParzenEstimator
{
    private const int MaxRejections = 64;

    private readonly double low;
    private readonly double high;
    private readonly double[] mus;
    private readonly double[] sigmas;
    private readonly double[] inverseSigmas;
    private readonly double[] logScales; // log weight - log(sigma sqrt(2 pi)): all of a kernel's log density but its exponent
    private readonly double[] cumulativeWeights;

    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
    {
        this.low = low;
        this.high = high;
        var range = high - low;
        var n = observations.Count;
        mus = new double[n + 1];
        sigmas = new double[n + 1];
        var weights = new double[n + 1];

        var sorted = observations.Select(x => Math.Clamp(x, low, high)).Order().ToArray();
        var minSigma = range / Math.Min(100.0, n + 1);
        for (var k = 0; k < n; k++)
        {
            var left = sorted[k] - (k == 0 ? low : sorted[k - 1]);
            var right = (k == n - 1 ? high : sorted[k + 1]) - sorted[k];
            var sigma = n < 2 ? Math.Max(left, right) : k == 0 ? right : k == n - 1 ? left : Math.Max(left, right);
            mus[k] = sorted[k];
            sigmas[k] = Math.Clamp(sigma, minSigma, range);
            weights[k] = 1;
        }

        mus[n] = 0.5 * (low + high);
        sigmas[n] = range;
        weights[n] = priorWeight;

        var total = weights.Sum();
        var logWeights = new double[n + 1]; // normalised, each including the truncation mass of its component
        cumulativeWeights = new double[n + 1];
        var running = 0.0;
        for (var k = 0; k <= n; k++)
        {
            running += weights[k] / total;
            cumulativeWeights[k] = running;
            var mass = NormalMath.Cdf((high - mus[k]) / sigmas[k]) - NormalMath.Cdf((low - mus[k]) / sigmas[k]);
            logWeights[k] = Math.Log(weights[k] / total) - Math.Log(Math.Max(mass, 1e-12));
        }

        inverseSigmas = sigmas.Select(sigma => 1 / sigma).ToArray();
        logScales = logWeights.Select((w, k) => w + NormalMath.LogPdf(mus[k], mus[k], sigmas[k])).ToArray();
    }

    public double Sample(Random random)
    {
        var u = random.NextDouble() * cumulativeWeights[^1];
        var k = Array.FindIndex(cumulativeWeights, c => u < c);
        if (k < 0) k = cumulativeWeights.Length - 1;
        for (var attempt = 0; attempt < MaxRejections; attempt++)
        {
            var x = mus[k] + sigmas[k] * NormalMath.StandardNormal(random);
            if (x >= low && x <= high) return x;
        }

        return Math.Clamp(mus[k], low, high);
    }

    public double LogDensity(double x)
    {
        Span<double> terms = mus.Length <= 128 ? stackalloc double[mus.Length] : new double[mus.Length];
        for (var k = 0; k < mus.Length; k++)
        {
            var z = (x - mus[k]) * inverseSigmas[k];
            terms[k] = logScales[k] - 0.5 * z * z;
        }

        return NormalMath.LogSumExp(terms);
    }
}
