using Tuner.Trainers.Data;

namespace Tuner.Trainers.Metrics;

/// <summary>Computes every metric of a task from labels and predictions.</summary>
public static class MetricCalculator
{
    /// <summary>Probabilities are clipped to [ε, 1−ε] before taking logarithms, as scikit-learn does.</summary>
    public const double ProbabilityEpsilon = 1e-15;

    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<float> labels, Predictions predictions)
    {
        if (labels.Length != predictions.Rows)
            throw new ArgumentException($"{labels.Length} labels for {predictions.Rows} predictions.");
        return predictions.Task switch
        {
            TaskKind.Binary => BinaryMetrics.Compute(labels, predictions.Values),
            TaskKind.Multiclass => MulticlassMetrics.Compute(labels, predictions),
            _ => RegressionMetrics.Compute(labels, predictions.Values),
        };
    }

    public static double Compute(ReadOnlySpan<float> labels, Predictions predictions, string metric) =>
        Compute(labels, predictions).TryGetValue(metric, out var value)
            ? value
            : throw new ArgumentException($"Unknown metric '{metric}' for a {predictions.Task} task.");
}
