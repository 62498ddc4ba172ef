namespace Tuner.Trainers.Data;

/// <summary>
/// A dense, row-major matrix of features. One instance per study is shared read-only by all trials,
/// so nothing here may mutate <see cref="Values"/> after construction.
/// </summary>
internal sealed class FeatureMatrix
{
    private readonly float[] _values;

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

    public int Rows { get; }

    public int Columns { get; }

    public ReadOnlySpan<float> Values => _values;

    public ReadOnlySpan<float> Row(int row) => _values.AsSpan(row * Columns, Columns);
}
