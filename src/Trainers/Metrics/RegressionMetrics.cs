namespace Tuner.Trainers.Metrics;

/// <summary>Regression metrics from target values and predicted values.</summary>
internal static class RegressionMetrics
{
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<float> labels, ReadOnlySpan<double> predicted)
    {
        int n = labels.Length;
        double mean = 0;
        for (int i = 0; i < n; i++) mean += labels[i];
        mean /= Math.Max(n, 1);

        double squared = 0, absolute = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            double error = predicted[i] - labels[i];
            squared += error * error;
            absolute += Math.Abs(error);
            double deviation = labels[i] - mean;
            total += deviation * deviation;
        }

        return new Dictionary<string, double>
        {
            ["rmse"] = n == 0 ? double.NaN : Math.Sqrt(squared / n),
            ["mae"] = n == 0 ? double.NaN : absolute / n,
            ["r2"] = total == 0 ? double.NaN : 1 - squared / total,
        };
    }
}
