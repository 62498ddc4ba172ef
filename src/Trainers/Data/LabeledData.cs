namespace Tuner.Trainers.Data;

/// <summary>
/// Features with their labels. Labels are encoded per task: binary 0 or 1 (1 is the positive class),
/// multiclass the class index 0…ClassCount−1, regression the target value. <see cref="ClassNames"/>, when
/// known, name the classes in index order (ML.NET's trainers pass them on to their Score slots and PredictedLabel).
/// </summary>
internal sealed class LabeledData
{
    private readonly float[] _labels;

    public LabeledData(FeatureMatrix features, float[] labels, TaskKind task, int classCount, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != features.Rows)
            throw new ArgumentException($"{labels.Length} labels for {features.Rows} rows.", nameof(labels));
        if (task == TaskKind.Binary && classCount != 2)
            throw new ArgumentException("A binary task has two classes.", nameof(classCount));
        if (classNames is not null && task != TaskKind.Regression && classNames.Count != classCount)
            throw new ArgumentException($"{classNames.Count} class names for {classCount} classes.", nameof(classNames));
        Features = features;
        _labels = labels;
        Task = task;
        ClassCount = task == TaskKind.Regression ? 0 : classCount;
        ClassNames = task == TaskKind.Regression ? null : classNames;
    }

    public FeatureMatrix Features { get; }

    public ReadOnlySpan<float> Labels => _labels;

    public TaskKind Task { get; }

    /// <summary>Number of classes (2 for binary, 0 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>The class names in index order, or null when not known (always null for regression).</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    public int Rows => Features.Rows;

    /// <summary>A copy holding only the given rows, in that order.</summary>
    public LabeledData Select(IReadOnlyList<int> rows)
    {
        int columns = Features.Columns;
        var values = new float[rows.Count * columns];
        var labels = new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            Features.Row(rows[i]).CopyTo(values.AsSpan(i * columns, columns));
            labels[i] = _labels[rows[i]];
        }

        return new LabeledData(new FeatureMatrix(values, rows.Count, columns), labels, Task, Task == TaskKind.Regression ? 0 : ClassCount, ClassNames);
    }
}
