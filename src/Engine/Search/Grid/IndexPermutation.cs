namespace Tuner.Search.Grid;

/// <summary>
/// A seeded pseudo-random permutation of [0, count) computed one index at a time, so a grid of billions of
/// points can be visited in shuffled order without being listed: a 4-round Feistel network on the smallest
/// even number of bits covering count, with cycle-walking to stay below count (fewer than 4 steps on average).
/// </summary>
internal sealed class IndexPermutation
{
    private const int Rounds = 4;

    private readonly long count;
    private readonly int halfBits;
    private readonly ulong halfMask;
    private readonly ulong[] keys;

    public IndexPermutation(long count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        this.count = count;
        halfBits = 1;
        while (halfBits < 32 && (1UL << (2 * halfBits)) < (ulong)count) halfBits++;
        halfMask = (1UL << halfBits) - 1;
        var state = (ulong)(uint)seed;
        keys = new ulong[Rounds];
        for (var r = 0; r < Rounds; r++) keys[r] = SplitMix(ref state);
    }

    public long this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
            var x = (ulong)index;
            do x = Encrypt(x);
            while (x >= (ulong)count);
            return (long)x;
        }
    }

    private ulong Encrypt(ulong x)
    {
        var (left, right) = (x >> halfBits, x & halfMask);
        foreach (var key in keys)
        {
            var state = right ^ key;
            (left, right) = (right, (left ^ SplitMix(ref state)) & halfMask);
        }

        return (left << halfBits) | right;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
