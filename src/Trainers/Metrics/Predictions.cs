using Tuner.Trainers.Data;

namespace Tuner.Trainers.Metrics;

/// <summary>
/// A model's outputs for a set of rows, following ML.NET's scored columns: binary, the probability of the
/// positive class (<see cref="Values"/>), the raw score (<see cref="Scores"/>, ML.NET's Score) and the
/// predicted label (<see cref="PredictedLabels"/>, Score &gt; 0 unless the model says otherwise); multiclass,
/// one probability per class (row-major, <see cref="Width"/> = class count); regression, the value.
/// </summary>
internal sealed class Predictions
{
    private readonly double[] _values;
    private readonly double[] _scores;
    private readonly bool[]? _predictedLabels;

    /// <summary>
    /// Binary predictions given only as probabilities get the log-odds as their score, so the predicted label
    /// (score &gt; 0) is probability &gt; 0.5.
    /// </summary>
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
        _scores = task == TaskKind.Binary ? values.Select(p => Math.Log(p / (1 - p))).ToArray() : values;
        if (task == TaskKind.Binary) _predictedLabels = PositiveScores(_scores);
    }

    private Predictions(double[] probabilities, double[] scores, bool[] predictedLabels)
    {
        Task = TaskKind.Binary;
        _values = probabilities;
        _scores = scores;
        _predictedLabels = predictedLabels;
        Width = 1;
    }

    /// <summary>Binary predictions from a model's scores and probabilities; the predicted labels default to score &gt; 0.</summary>
    public static Predictions Binary(double[] scores, double[] probabilities, bool[]? predictedLabels = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (scores.Length != probabilities.Length || predictedLabels is not null && predictedLabels.Length != scores.Length)
            throw new ArgumentException($"{scores.Length} scores, {probabilities.Length} probabilities and {predictedLabels?.Length} labels differ in rows.");
        return new Predictions(probabilities, scores, predictedLabels ?? PositiveScores(scores));
    }

    public TaskKind Task { get; }

    public int Width { get; }

    public int Rows => _values.Length / Width;

    /// <summary>Binary the positive-class probabilities, multiclass the class probabilities, regression the values.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>ML.NET's Score: binary the raw score (margin or log-odds), otherwise the same as <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> Scores => _scores;

    /// <summary>Binary only: the predicted class (true = positive).</summary>
    public ReadOnlySpan<bool> PredictedLabels =>
        _predictedLabels ?? throw new InvalidOperationException($"{Task} predictions have no binary predicted label.");

    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Width, Width);

    private static bool[] PositiveScores(double[] scores) => scores.Select(s => s > 0).ToArray();
}
