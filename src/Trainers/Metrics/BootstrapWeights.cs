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

    /// <summary>The fewest replicates of a large validation set: enough for a 95% percentile interval.</summary>
    public const int MinReplicates = 50;

    /// <summary>The most counts (bytes) held, so that a million validation rows take 50 MB, not 200.</summary>
    private const long MaxCounts = 50_000_000;

    /// <summary><see cref="DefaultReplicates"/>, fewer (down to <see cref="MinReplicates"/>) for validation sets beyond 250,000 rows.</summary>
    public static int ReplicatesFor(int rows) => (int)Math.Clamp(MaxCounts / Math.Max(1, rows), MinReplicates, DefaultReplicates);

    private readonly byte[] _counts;

    public BootstrapWeights(int rows, int seed, int replicates = DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        (Rows, Replicates) = (rows, replicates);
        _counts = new byte[(long)rows * replicates];
        // SplitMix64 gives four 16-bit uniforms per step, each mapped to its count by a table: a few nanoseconds per row
        // and replicate, so even a large validation set's counts take a fraction of a second.
        var state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)rows);
        for (long i = 0; i < _counts.Length; i += 4)
        {
            var bits = SplitMix64(ref state);
            for (int q = 0; q < 4 && i + q < _counts.Length; q++) _counts[i + q] = PoissonTable[(ushort)(bits >> (16 * q))];
        }
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

    /// <summary>Poisson(1) by inversion of its cumulative distribution: the count of the 16-bit uniform u, for each u.</summary>
    private static readonly byte[] PoissonTable = BuildPoissonTable();

    private static byte[] BuildPoissonTable()
    {
        var table = new byte[1 << 16];
        double p = Math.Exp(-1), cumulative = p;
        byte k = 0;
        for (int u = 0; u < table.Length; u++)
        {
            while ((u + 0.5) / table.Length > cumulative && k < byte.MaxValue)
            {
                k++;
                p /= k;
                cumulative += p;
            }

            table[u] = k;
        }

        return table;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
