using System.Runtime.Intrinsics;

namespace Tuner.Search.Tpe;

/// <summary>
/// A mixture of normals truncated to [low, high], one per observation plus a wide prior centred on the range
/// (Bergstra et al. 2011). Works in the internal space: the logarithm for log-scale parameters.
/// Bandwidths follow Optuna's univariate rule: the larger gap to the neighbouring observation (the outermost
/// ones use their inner gap), clipped to [range / min(100, n + 1), range] — the "magic clip" that keeps a
/// cluster of near-identical good points from collapsing to a spike. <see cref="LogDensity"/> is the density as it
/// has always been computed, bit for bit; <see cref="RoughLogDensity"/> is a cheaper one with a bound on its error.
/// </summary>
internal sealed class ParzenEstimator
{
    private const int MaxRejections = 64;

    /// <summary>From this many kernels on, <see cref="RoughLogDensity"/> is vectorized; below, it is <see cref="LogDensity"/>.</summary>
    private const int RoughFrom = 64;

    private readonly double low;
    private readonly double high;
    private readonly double[] mus;
    private readonly double[] sigmas;
    private readonly double[] inverseSigmas;
    private readonly double total; // of the weights: 1 per observation and the prior's
    private readonly double priorWeight;
    private readonly double logWeight; // log of an observation kernel's normalised weight
    private readonly double logPriorWeight;
    private double[]? cumulativeWeights;
    private double[]? logScales; // log weight - log(sigma sqrt(2 pi)): all of a kernel's log density but its exponent
    private double[]? roughLogScales; // the same within 1e-13, computed four at a time
    private double[]? scratch; // the terms of a log density once there are too many kernels for the stack

    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
        : this(Sorted(observations, low, high), observations.Count, low, high, priorWeight)
    {
    }

    /// <param name="sorted">The observations, clamped to the range, ascending, in its first <paramref name="n"/> slots; one more slot, for the prior.</param>
    private ParzenEstimator(double[] sorted, int n, double low, double high, double priorWeight)
    {
        this.low = low;
        this.high = high;
        this.priorWeight = priorWeight;
        var range = high - low;
        mus = sorted;
        sigmas = GC.AllocateUninitializedArray<double>(n + 1);
        inverseSigmas = GC.AllocateUninitializedArray<double>(n + 1);

        var minSigma = range / Math.Min(100.0, n + 1);
        for (var k = 0; k < n; k++)
        {
            var left = mus[k] - (k == 0 ? low : mus[k - 1]);
            var right = (k == n - 1 ? high : mus[k + 1]) - mus[k];
            var sigma = n < 2 ? Math.Max(left, right) : k == 0 ? right : k == n - 1 ? left : Math.Max(left, right);
            sigmas[k] = Math.Clamp(sigma, minSigma, range);
        }

        mus[n] = 0.5 * (low + high);
        sigmas[n] = range;
        for (var k = 0; k <= n; k++) inverseSigmas[k] = 1 / sigmas[k];

        // The weights' sum in order: n ones, exactly n, then the prior's.
        total = (double)n + priorWeight;
        logWeight = Math.Log(1 / total);
        logPriorWeight = Math.Log(priorWeight / total);
    }

    /// <summary>
    /// The estimator of observations already clamped and sorted (see <see cref="SortedValues"/>) into the first
    /// <paramref name="n"/> slots of <paramref name="sorted"/>, which it keeps: the same as from the observations.
    /// </summary>
    public static ParzenEstimator OfSorted(double[] sorted, int n, double low, double high, double priorWeight) =>
        sorted.Length == n + 1 ? new ParzenEstimator(sorted, n, low, high, priorWeight) : throw new ArgumentException("One slot more than the observations is needed.", nameof(sorted));

    /// <summary>Computed when first needed: a rough density alone does not need them.</summary>
    private double[] LogScales => logScales ??= ExactLogScales();

    private double[] RoughLogScales => roughLogScales ??= Rough();

    /// <summary>Only sampling needs them, and only the good trials' density samples.</summary>
    private double[] CumulativeWeights
    {
        get
        {
            if (cumulativeWeights is not null) return cumulativeWeights;
            var n = mus.Length - 1;
            var cumulative = new double[n + 1];
            var running = 0.0;
            for (var k = 0; k <= n; k++)
            {
                running += (k < n ? 1 : priorWeight) / total;
                cumulative[k] = running;
            }

            return cumulativeWeights = cumulative;
        }
    }

    public double Sample(Random random)
    {
        var cumulative = CumulativeWeights;
        var u = random.NextDouble() * cumulative[^1];
        var k = Array.FindIndex(cumulative, c => u < c);
        if (k < 0) k = cumulative.Length - 1;
        for (var attempt = 0; attempt < MaxRejections; attempt++)
        {
            var x = mus[k] + sigmas[k] * NormalMath.StandardNormal(random);
            if (x >= low && x <= high) return x;
        }

        return Math.Clamp(mus[k], low, high);
    }

    public double LogDensity(double x)
    {
        var scales = LogScales;
        var n = mus.Length;
        var terms = n <= 128 ? stackalloc double[n] : (scratch ??= GC.AllocateUninitializedArray<double>(n));
        for (var k = 0; k < n; k++)
        {
            var z = (x - mus[k]) * inverseSigmas[k];
            terms[k] = scales[k] - 0.5 * z * z;
        }

        return NormalMath.LogSumExp(terms);
    }

    /// <summary>
    /// <see cref="LogDensity"/> to within <see cref="RoughError"/>, four kernels at a time: the log scales are rough
    /// (vectorized, within 1e-13), so are the exponentials (a few ulps from Math.Exp), they are summed in another order,
    /// and negligible ones are left out. A study of thousands of trials has thousands of kernels in its bad trials'
    /// density, and the sampler needs it only to find the best of its candidates, which the rough value tells apart
    /// unless two of them are within the error; those get the exact value (see ParameterModel.Best).
    /// </summary>
    public double RoughLogDensity(double x)
    {
        var n = mus.Length;
        if (n < RoughFrom || !Vector256.IsHardwareAccelerated) return LogDensity(x);
        var scales = RoughLogScales;
        // Exponents are taken relative to a reference no larger than the largest one: the largest of the prior's and
        // those of the kernels next to x (the observations are in order). Terms more than 36 below the reference, so
        // more than 36 below the largest, are left out, four at a time: each would add under 2.4e-16 to a sum of at
        // least 1 (the largest term's), n of them under n u. One pass, no exponent stored. An exponent more than 700
        // above the reference (possible only far from x, with a much wider kernel) sends the density to two passes.
        var observations = n - 1;
        var near = Array.BinarySearch(mus, 0, observations, x);
        if (near < 0) near = ~near;
        var reference = Term(observations, x, scales);
        for (var j = Math.Max(0, near - 2); j < Math.Min(observations, near + 2); j++) reference = Math.Max(reference, Term(j, x, scales));
        if (!double.IsFinite(reference)) return LogDensity(x);

        var (at, half) = (Vector256.Create(x), Vector256.Create(0.5));
        var (shift, negligible, ceiling) = (Vector256.Create(reference), Vector256.Create(reference - 36), Vector256.Create(reference + 700));
        var sums = Vector256<double>.Zero;
        var k = 0;
        for (; k <= n - Vector256<double>.Count; k += Vector256<double>.Count)
        {
            var z = (at - Vector256.Create(mus.AsSpan(k))) * Vector256.Create(inverseSigmas.AsSpan(k));
            var term = Vector256.Create(scales.AsSpan(k)) - half * z * z;
            if (!Vector256.GreaterThanOrEqualAny(term, negligible)) continue;
            if (Vector256.GreaterThanAny(term, ceiling)) return TwoPasses(x, scales);
            // Taken as 700 below where lower (where Vector256.Exp would take its scalar path): under 1e-304 each.
            sums += Vector256.Exp(Vector256.Max(term - shift, Vector256.Create(-700.0)));
        }

        var sum = Vector256.Sum(sums);
        for (; k < n; k++)
        {
            var term = Term(k, x, scales);
            if (term > reference + 700) return TwoPasses(x, scales);
            sum += Math.Exp(term - reference);
        }

        return reference + Math.Log(sum);
    }

    private double Term(int k, double x, double[] scales)
    {
        var z = (x - mus[k]) * inverseSigmas[k];
        return scales[k] - 0.5 * z * z;
    }

    /// <summary>The rough density relative to the largest exponent, found first.</summary>
    private double TwoPasses(double x, double[] scales)
    {
        var n = mus.Length;
        var terms = scratch ??= GC.AllocateUninitializedArray<double>(n);
        var max = double.NegativeInfinity;
        for (var k = 0; k < n; k++) max = Math.Max(max, terms[k] = Term(k, x, scales));
        if (!double.IsFinite(max)) return LogDensity(x);
        var sum = 0.0;
        for (var k = 0; k < n; k++)
            if (terms[k] >= max - 36)
                sum += Math.Exp(terms[k] - max);
        return max + Math.Log(sum);
    }

    private double[] ExactLogScales()
    {
        var scales = GC.AllocateUninitializedArray<double>(mus.Length);
        FillExact(scales, 0);
        return scales;
    }

    /// <summary>
    /// The log scales within 1e-13, four at a time: a kernel's mass is at least 0.34 (its centre is in the range and its
    /// width at most the range), so the mass's error of about 1e-15 moves its logarithm by under 1e-14, and the
    /// vectorized logarithm of the width is a few ulps from Math.Log's.
    /// </summary>
    private double[] Rough()
    {
        var n = mus.Length - 1;
        var scales = GC.AllocateUninitializedArray<double>(n + 1);
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (lower, upper) = (Vector256.Create(low), Vector256.Create(high));
            var (weight, floor, logSqrtTwoPi) = (Vector256.Create(logWeight), Vector256.Create(1e-12), Vector256.Create(NormalMath.LogSqrtTwoPi));
            var (nine, minusNine) = (Vector256.Create(9.0), Vector256.Create(-9.0));
            for (; k <= n - Vector256<double>.Count; k += Vector256<double>.Count)
            {
                var mu = Vector256.Create(mus.AsSpan(k));
                var sigma = Vector256.Create(sigmas.AsSpan(k));
                var (above, below) = ((upper - mu) / sigma, (lower - mu) / sigma);
                // Kernels nine widths inside both ends have a mass within 2e-19 of 1, whose logarithm is then taken as 0.
                var scale = weight - Vector256.Log(sigma) - logSqrtTwoPi;
                if (!Vector256.GreaterThanOrEqualAll(above, nine) || !Vector256.LessThanOrEqualAll(below, minusNine))
                    scale -= Vector256.Log(Vector256.Max(NormalMath.RoughCdf(above) - NormalMath.RoughCdf(below), floor));
                scale.CopyTo(scales.AsSpan(k));
            }
        }

        FillExact(scales, k);
        return scales;
    }

    /// <summary>Each kernel's log scale from <paramref name="from"/> on, exactly as the density has always computed it.</summary>
    private void FillExact(double[] scales, int from)
    {
        var n = mus.Length - 1;
        for (var k = from; k <= n; k++)
        {
            // Normalised, and including the truncation mass of the kernel.
            var mass = NormalMath.Cdf((high - mus[k]) / sigmas[k]) - NormalMath.Cdf((low - mus[k]) / sigmas[k]);
            var weight = (k < n ? logWeight : logPriorWeight) - Math.Log(Math.Max(mass, 1e-12));
            scales[k] = weight + NormalMath.LogPdf(mus[k], mus[k], sigmas[k]);
        }
    }

    /// <summary>
    /// How far <see cref="RoughLogDensity"/> may be from <see cref="LogDensity"/> at a value near <paramref name="rough"/>.
    /// Both take the logarithm of a sum of n positive terms, the largest of them 1, plus the largest exponent. The
    /// rough exponents are within 1e-13 of the exact ones (the log scales), which moves the result by at most twice
    /// that; each rough exponential is within a few ulps (u = 1.1e-16) of Math.Exp's, and each sum within (n - 1) u of
    /// the true one, so the logarithms differ by under about 2n u + 8 u; the additions round by a few ulps of the
    /// result. The bound allows over a hundred times all that.
    /// </summary>
    public double RoughError(double rough) =>
        mus.Length < RoughFrom || !Vector256.IsHardwareAccelerated ? 0 : 1e-11 + 2.5e-13 * mus.Length + 1e-12 * Math.Abs(rough);

    /// <summary>
    /// The observations clamped to the range, in ascending order, exactly as a stable sort orders them, and one more
    /// slot. They are sorted as integers whose order is the numbers' order (no comparer to call); equal integers are
    /// equal bits, so the sort need not be stable, but 0 and -0, equal numbers, are told apart, so the zeros are then
    /// written back in the order the observations had them, as a stable sort leaves them.
    /// </summary>
    private static double[] Sorted(IReadOnlyList<double> observations, double low, double high)
    {
        var n = observations.Count;
        var sorted = GC.AllocateUninitializedArray<double>(n + 1);
        var keys = GC.AllocateUninitializedArray<ulong>(n);
        var negativeZero = false;
        for (var i = 0; i < n; i++)
        {
            var x = Math.Clamp(observations[i], low, high);
            negativeZero |= x == 0 && double.IsNegative(x);
            var bits = BitConverter.DoubleToUInt64Bits(x);
            keys[i] = (bits & SignBit) != 0 ? ~bits : bits | SignBit; // never NaN
        }

        Array.Sort(keys);
        for (var i = 0; i < n; i++)
        {
            var bits = (keys[i] & SignBit) != 0 ? keys[i] & ~SignBit : ~keys[i];
            sorted[i] = BitConverter.UInt64BitsToDouble(bits);
        }

        if (!negativeZero) return sorted;
        var first = Array.IndexOf(sorted, 0.0, 0, n);
        foreach (var x in observations.Select(o => Math.Clamp(o, low, high)))
            if (x == 0) sorted[first++] = x;
        return sorted;
    }

    private const ulong SignBit = 0x8000_0000_0000_0000UL;
}
