using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>Scores a fitted model on training and validation rows, and averages folds.</summary>
internal static class TrialMetrics
{
    public static Dictionary<string, double> ForFold(ITrainedModel model, LabeledData training, LabeledData validation, Predictions validationPredictions)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in MetricCalculator.Compute(training.Labels, model.Predict(training.Features)))
            result[$"train_{name}"] = value;
        foreach (var (name, value) in MetricCalculator.Compute(validation.Labels, validationPredictions))
            result[$"valid_{name}"] = value;
        return result;
    }

    /// <summary>Mean over folds; with more than one fold also the sample standard deviation ("…_std").</summary>
    public static Dictionary<string, double> Combine(IReadOnlyList<Dictionary<string, double>> folds)
    {
        if (folds.Count == 1) return folds[0];
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in folds[0].Keys)
        {
            var values = folds.Select(f => f[name]).ToArray();
            var mean = values.Average();
            result[name] = mean;
            result[$"{name}_std"] = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        }

        return result;
    }
}
