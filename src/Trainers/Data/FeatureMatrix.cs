namespace Tuner.Trainers.Data;

/// <summary>
/// A dense, row-major matrix of features. One instance per study is shared read-only by all trials,
/// so nothing here may mutate <see cref="Values"/> after construction. A <see cref="Window"/> is a view of
/// consecutive rows over the same array: nothing is copied, and <see cref="Values"/> and <see cref="Row"/>
/// reach only the view's rows.
/// </summary>
internal sealed class FeatureMatrix
{
    private readonly float[] _values;
    private readonly int _start;

    public FeatureMatrix(float[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != values.Length)
            throw new ArgumentException($"Expected {rows}×{columns} values but got {values.Length}.", nameof(values));
        _values = values;
        Rows = rows;
        Columns = columns;
    }

    private FeatureMatrix(float[] values, int start, int rows, int columns)
    {
        _values = values;
        _start = start;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    public ReadOnlySpan<float> Values => _values.AsSpan(_start * Columns, Rows * Columns);

    public ReadOnlySpan<float> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"The matrix has {Rows} rows.");
        return _values.AsSpan((_start + row) * Columns, Columns);
    }

    /// <summary>Rows <paramref name="start"/>…start+rows−1 of this matrix, over the same array.</summary>
    public FeatureMatrix Window(int start, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if ((long)start + rows > Rows) throw new ArgumentOutOfRangeException(nameof(rows), $"Rows {start}…{start + rows - 1} of a matrix of {Rows}.");
        return new FeatureMatrix(_values, _start + start, rows, Columns);
    }
}
