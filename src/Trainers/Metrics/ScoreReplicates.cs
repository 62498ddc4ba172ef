namespace Tuner.Trainers.Metrics;

/// <summary>Where a trial's replicates of its validation metric come from.</summary>
internal enum ReplicateKind
{
    /// <summary>One value per bootstrap resample of the validation rows (<see cref="BootstrapWeights"/>).</summary>
    Bootstrap,

    /// <summary>One value per cross-validation fold.</summary>
    Folds,
}

/// <summary>
/// The replicates of a trial's validation metric that its uncertainty is computed from, and the 95% intervals they
/// give: a percentile interval over bootstrap resamples, or a Student-t interval of the fold mean. Two trials scored
/// on the same rows (the same resamples or the same folds) are compared replicate by replicate, which cancels the
/// noise the rows put into both scores; otherwise their replicates are independent and the interval is wider.
/// </summary>
internal sealed record ScoreReplicates(ReplicateKind Kind, float[] Values)
{
    public const double Level = 0.95;

    /// <summary>The 95% interval of the metric; NaN bounds when there are too few finite replicates.</summary>
    public (double Low, double High) Interval() => Spread(Values.Select(v => (double)v));

    /// <summary>
    /// The 95% interval of this score minus <paramref name="other"/>'s; paired (replicate by replicate) when both were
    /// scored on the same rows, which the caller knows (the same study, or studies of the same data, seed and split).
    /// </summary>
    public (double Low, double High) DifferenceInterval(ScoreReplicates other, bool paired)
    {
        if (Kind != other.Kind || Values.Length != other.Values.Length) paired = false;
        if (paired) return Spread(Values.Zip(other.Values, (a, b) => (double)a - b));
        // Unpaired: the two estimates are independent, so their standard errors add in quadrature (a normal interval;
        // Student's t with the fewer degrees of freedom when either comes from folds).
        var (a, b) = (Moments(Values), Moments(other.Values));
        var error = Math.Sqrt(StandardError(a, Kind) * StandardError(a, Kind) + StandardError(b, other.Kind) * StandardError(b, other.Kind));
        var quantile = Kind == ReplicateKind.Bootstrap && other.Kind == ReplicateKind.Bootstrap ? 1.96
            : StudentT.Quantile975(Math.Max(1, Math.Min(a.Count, b.Count) - 1));
        var difference = a.Mean - b.Mean;
        return (difference - quantile * error, difference + quantile * error);
    }

    /// <summary>A bootstrap's standard error is the spread of its replicates; a fold mean's is the folds' spread over √k.</summary>
    private static double StandardError((double Mean, double Variance, int Count) moments, ReplicateKind kind) =>
        kind == ReplicateKind.Bootstrap ? Math.Sqrt(moments.Variance) : Math.Sqrt(moments.Variance / moments.Count);

    private (double Low, double High) Spread(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (Kind == ReplicateKind.Folds)
        {
            if (finite.Length < 2) return (double.NaN, double.NaN);
            var (mean, variance, count) = Moments(finite);
            var half = StudentT.Quantile975(count - 1) * Math.Sqrt(variance / count);
            return (mean - half, mean + half);
        }

        if (finite.Length < 20) return (double.NaN, double.NaN);
        Array.Sort(finite);
        return (Percentile(finite, (1 - Level) / 2), Percentile(finite, 1 - (1 - Level) / 2));
    }

    private static (double Mean, double Variance, int Count) Moments(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return (double.NaN, double.NaN, 0);
        var mean = finite.Average();
        var variance = finite.Length < 2 ? double.NaN : finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1);
        return (mean, variance, finite.Length);
    }

    private static (double Mean, double Variance, int Count) Moments(float[] values) => Moments(values.Select(v => (double)v));

    /// <summary>Linear interpolation between order statistics (numpy's default).</summary>
    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>The values as stored: little-endian 32-bit floats.</summary>
    public byte[] ToBytes() => System.Runtime.InteropServices.MemoryMarshal.AsBytes(Values.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
