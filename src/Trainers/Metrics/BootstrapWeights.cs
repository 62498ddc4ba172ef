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

    /// <summary>Poisson(1)'s cumulative distribution at k = 0, 1, …, up to where it reaches 1 in double precision.</summary>
    private static readonly double[] Cumulative = PoissonCumulative();

    /// <summary>Poisson(1) by inversion of its cumulative distribution.</summary>
    private static byte PoissonOne(double u)
    {
        byte k = 0;
        while (k < Cumulative.Length - 1 && u > Cumulative[k]) k++;
        return k;
    }

    private static double[] PoissonCumulative()
    {
        var cumulative = new List<double>();
        double p = Math.Exp(-1), sum = p;
        for (var k = 1; sum < 1 && k < 30; k++)
        {
            cumulative.Add(sum);
            p /= k;
            sum += p;
        }

        cumulative.Add(1);
        return cumulative.ToArray();
    }
}
