using Tuner.Trainers.Data;

namespace Tuner.Trainers.Metrics;

/// <summary>Computes every metric of a task from labels and predictions.</summary>
internal static class MetricCalculator
{
    /// <summary>Probabilities are clipped to [ε, 1−ε] before taking logarithms, as scikit-learn does.</summary>
    public const double ProbabilityEpsilon = 1e-15;

    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<float> labels, Predictions predictions)
    {
        if (labels.Length != predictions.Rows)
            throw new ArgumentException($"{labels.Length} labels for {predictions.Rows} predictions.");
        return predictions.Task switch
        {
            TaskKind.Binary => BinaryMetrics.Compute(labels, predictions),
            TaskKind.Multiclass => MulticlassMetrics.Compute(labels, predictions),
            _ => RegressionMetrics.Compute(labels, predictions.Values),
        };
    }

    /// <summary>
    /// One metric. Binary metrics other than the ranking areas skip the sort, which matters when a trainer
    /// asks for its ranking metric after every epoch.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> labels, Predictions predictions, string metric)
    {
        if (predictions.Task == TaskKind.Binary && metric is not ("auc" or "prauc"))
        {
            if (labels.Length != predictions.Rows)
                throw new ArgumentException($"{labels.Length} labels for {predictions.Rows} predictions.");
            return BinaryMetrics.ThresholdMetrics(labels, predictions).TryGetValue(metric, out var fast)
                ? fast
                : throw new ArgumentException($"Unknown metric '{metric}' for a {predictions.Task} task.");
        }

        return Compute(labels, predictions).TryGetValue(metric, out var value)
            ? value
            : throw new ArgumentException($"Unknown metric '{metric}' for a {predictions.Task} task.");
    }
}
