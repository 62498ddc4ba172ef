namespace Tuner.Trainers.Metrics;

/// <summary>
/// B bootstrap resamples of n validation rows as Poisson(1) counts per row (each row drawn k times with probability
/// e⁻¹/k!, the large-n limit of drawing n rows with replacement). The counts depend only on the seed and the row count,
/// so every trial of a study, and every study of the same data, seed and split, is scored on the same resamples: two
/// trials' replicates can be subtracted replicate by replicate (a paired bootstrap) without keeping their predictions.
/// </summary>
internal sealed class BootstrapWeights
{
    public const int DefaultReplicates = 200;

    private readonly byte[] _counts;

    public BootstrapWeights(int rows, int seed, int replicates = DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        (Rows, Replicates) = (rows, replicates);
        _counts = new byte[rows * replicates];
        var random = new Random(unchecked(seed * 1_000_003 + rows));
        for (int i = 0; i < _counts.Length; i++) _counts[i] = PoissonOne(random.NextDouble());
    }

    /// <summary>Given counts, <paramref name="counts"/>[b·rows + i] for row i of replicate b.</summary>
    public BootstrapWeights(byte[] counts, int rows)
    {
        if (rows < 1 || counts.Length % rows != 0) throw new ArgumentException($"{counts.Length} counts do not split into replicates of {rows} rows.");
        (_counts, Rows, Replicates) = (counts, rows, counts.Length / rows);
    }

    public int Rows { get; }

    public int Replicates { get; }

    public ReadOnlySpan<byte> Replicate(int b) => _counts.AsSpan(b * Rows, Rows);

    /// <summary>Poisson(1) by inversion of its cumulative distribution.</summary>
    private static byte PoissonOne(double u)
    {
        double p = Math.Exp(-1), cumulative = p;
        byte k = 0;
        while (u > cumulative && k < byte.MaxValue)
        {
            k++;
            p /= k;
            cumulative += p;
        }

        return k;
    }
}
