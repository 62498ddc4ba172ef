namespace Tuner.Trainers.Data;

/// <summary>
/// A dense, row-major matrix of features. One instance per study is shared read-only by all trials,
/// so nothing may change its values after construction. The rows are held in chunks of a power of two rows, each
/// one .NET array, so a matrix may hold more values than one array can (ten million rows of 300 features); a
/// matrix of up to <see cref="ChunkValues"/> values is a single chunk. A <see cref="Window"/> is a view of
/// consecutive rows over the same chunks: nothing is copied, and <see cref="Row"/> reaches only the view's rows.
/// </summary>
internal sealed class FeatureMatrix
{
    /// <summary>The most values one chunk holds (a GiB of floats): well under a .NET array's limit.</summary>
    public const int ChunkValues = 1 << 28;

    /// <summary>A shift no row index reaches: one chunk holds all the rows.</summary>
    private const int SingleChunkShift = 31;

    private readonly float[][] _chunks;
    private readonly int _chunkShift;
    private readonly int _rowMask;
    private readonly int _start;

    public FeatureMatrix(float[] values, int rows, int columns)
        : this([values], SingleChunkShift, rows, columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((long)rows * columns != values.Length)
            throw new ArgumentException($"Expected {rows}×{columns} values but got {values.Length}.", nameof(values));
    }

    private FeatureMatrix(float[][] chunks, int chunkShift, int rows, int columns, int start = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        _chunks = chunks;
        _chunkShift = chunkShift;
        _rowMask = chunkShift == SingleChunkShift ? int.MaxValue : (1 << chunkShift) - 1;
        _start = start;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The size of its values (of a window, the window's rows only).</summary>
    public long Bytes => (long)Rows * Columns * sizeof(float);

    /// <summary>Row <paramref name="row"/>'s values.</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"The matrix has {Rows} rows.");
        var at = _start + row;
        return _chunks[at >> _chunkShift].AsSpan((at & _rowMask) * Columns, Columns);
    }

    /// <summary>Rows <paramref name="start"/>…start+rows−1 of this matrix, over the same chunks.</summary>
    public FeatureMatrix Window(int start, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if ((long)start + rows > Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"Rows {start}…{start + rows - 1} of a matrix of {Rows}.");
        return new FeatureMatrix(_chunks, _chunkShift, rows, Columns, _start + start);
    }

    /// <summary>A copy of every value, row after row (for small matrices: tests, ONNX inputs).</summary>
    public float[] ToArray()
    {
        var values = new float[(long)Rows * Columns];
        for (var r = 0; r < Rows; r++) Row(r).CopyTo(values.AsSpan(r * Columns, Columns));
        return values;
    }

    /// <summary>
    /// A new matrix of <paramref name="rows"/> × <paramref name="columns"/> zeros, and what writes its rows: the
    /// matrix is complete once the writer has filled them (it is not shared before). <paramref name="chunkValues"/>
    /// is the most values a chunk holds (smaller than <see cref="ChunkValues"/> only in tests).
    /// </summary>
    public static FeatureMatrix Allocate(int rows, int columns, out Func<int, Span<float>> writableRow, int chunkValues = ChunkValues)
    {
        var shift = Shift(rows, columns, chunkValues);
        var rowsPerChunk = 1L << shift;
        var chunks = new float[(int)((rows + rowsPerChunk - 1) / rowsPerChunk)][];
        for (var c = 0; c < chunks.Length; c++)
            chunks[c] = new float[Math.Min(rowsPerChunk, rows - c * rowsPerChunk) * columns];
        var mask = shift == SingleChunkShift ? int.MaxValue : (1 << shift) - 1;
        writableRow = row => chunks[row >> shift].AsSpan((row & mask) * columns, columns);
        return new FeatureMatrix(chunks, shift, rows, columns);
    }

    /// <summary>The shift of the largest power of two rows whose values fit in one chunk (one chunk when they all do).</summary>
    private static int Shift(int rows, int columns, int chunkValues)
    {
        if ((long)rows * columns <= chunkValues) return SingleChunkShift;
        var shift = 0;
        while ((2L << shift) * Math.Max(columns, 1) <= chunkValues) shift++;
        return shift;
    }
}
