using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Tuner.Trainers.Kernels;

/// <summary>
/// Software prefetch of a matrix row that will be read soon. Shuffled epochs visit rows in random order,
/// so without it every row is a cache (and TLB) miss and the loop waits on memory; asking for row
/// permutation[i + <see cref="Distance"/>] while row i is processed hides most of that latency. A no-op
/// where SSE is unavailable. It only reads addresses inside the matrix and never changes results.
/// </summary>
internal static class RowPrefetcher
{
    /// <summary>How many rows ahead to prefetch (measured on the benchmark; 8–32 all work).</summary>
    public const int Distance = 16;

    private const int CacheLine = 64;

    /// <summary>Prefetches one element of a span (e.g. the label of a row that comes soon).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchElement(ReadOnlySpan<float> values, int index)
    {
        if (!Sse.IsSupported || (uint)index >= (uint)values.Length) return;
        fixed (float* basePointer = &MemoryMarshal.GetReference(values))
            Sse.Prefetch0(basePointer + index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(ReadOnlySpan<float> row)
    {
        if (!Sse.IsSupported) return;
        fixed (float* start = &MemoryMarshal.GetReference(row))
        {
            byte* p = (byte*)start;
            int bytes = row.Length * sizeof(float);
            for (int offset = 0; offset < bytes; offset += CacheLine) Sse.Prefetch0(p + offset);
        }
    }
}
