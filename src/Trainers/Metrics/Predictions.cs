using Tuner.Trainers.Data;

namespace Tuner.Trainers.Metrics;

/// <summary>
/// A model's outputs for a set of rows: binary, the probability of the positive class; multiclass,
/// one probability per class (row-major, <see cref="Width"/> = class count); regression, the value.
/// </summary>
public sealed class Predictions
{
    private readonly double[] _values;

    public Predictions(TaskKind task, double[] values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (width < 1 || values.Length % width != 0)
            throw new ArgumentException($"{values.Length} values do not split into rows of {width}.", nameof(values));
        if (task != TaskKind.Multiclass && width != 1)
            throw new ArgumentException("Binary and regression predictions have one value per row.", nameof(width));
        Task = task;
        _values = values;
        Width = width;
    }

    public TaskKind Task { get; }

    public int Width { get; }

    public int Rows => _values.Length / Width;

    public ReadOnlySpan<double> Values => _values;

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Width, Width);
}
