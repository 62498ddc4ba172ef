namespace Tuner.Trainers.Data;

/// <summary>
/// Features with their labels. Labels are encoded per task: binary 0 or 1 (1 is the positive class),
/// multiclass the class index 0…ClassCount−1, regression the target value. <see cref="ClassNames"/>, when
/// known, name the classes in index order (ML.NET's trainers pass them on to their Score slots and PredictedLabel).
/// </summary>
internal sealed class LabeledData
{
    private readonly float[] _labels;
    private readonly int _start;

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

    private LabeledData(LabeledData whole, int start, int rows)
    {
        Features = whole.Features.Window(start, rows);
        _labels = whole._labels;
        _start = whole._start + start;
        Task = whole.Task;
        ClassCount = whole.ClassCount;
        ClassNames = whole.ClassNames;
    }

    public FeatureMatrix Features { get; }

    public ReadOnlySpan<float> Labels => _labels.AsSpan(_start, Rows);

    public TaskKind Task { get; }

    /// <summary>Number of classes (2 for binary, 0 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>The class names in index order, or null when not known (always null for regression).</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    public int Rows => Features.Rows;

    /// <summary>
    /// The first <paramref name="rows"/> rows, without copying: the features and labels are views of these ones.
    /// Training rows are laid out in a seeded random order, so a prefix of them is a random sample.
    /// </summary>
    public LabeledData Prefix(int rows) => Window(0, rows);

    /// <summary>Rows <paramref name="start"/>…start+rows−1, without copying (views of these features and labels).</summary>
    public LabeledData Window(int start, int rows) => new(this, start, rows);

}
