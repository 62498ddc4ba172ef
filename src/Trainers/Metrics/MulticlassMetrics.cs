namespace Tuner.Trainers.Metrics;

/// <summary>Multiclass metrics from class-index labels and per-class probabilities.</summary>
internal static class MulticlassMetrics
{
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<float> labels, Predictions predictions)
    {
        int n = labels.Length, k = predictions.Width;
        var truePositives = new long[k];
        var actual = new long[k];
        var predicted = new long[k];
        double logLoss = 0;
        long correct = 0;
        for (int i = 0; i < n; i++)
        {
            var row = predictions.Row(i);
            int label = (int)labels[i];
            int best = ArgMax(row);
            actual[label]++;
            predicted[best]++;
            if (best == label)
            {
                correct++;
                truePositives[label]++;
            }

            double p = row[label];
            logLoss -= Math.Log(Math.Clamp(double.IsNaN(p) ? 0 : p, MetricCalculator.ProbabilityEpsilon, 1));
        }

        double recallSum = 0, f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++)
        {
            if (actual[c] == 0) continue; // classes absent from these rows have no recall
            present++;
            recallSum += (double)truePositives[c] / actual[c];
            long denominator = actual[c] + predicted[c];
            f1Sum += denominator == 0 ? 0 : 2.0 * truePositives[c] / denominator;
        }

        return new Dictionary<string, double>
        {
            ["accuracy"] = n == 0 ? double.NaN : (double)correct / n,
            ["macro_accuracy"] = present == 0 ? double.NaN : recallSum / present,
            ["macro_f1"] = present == 0 ? double.NaN : f1Sum / present,
            ["logloss"] = n == 0 ? double.NaN : logLoss / n,
        };
    }

    public static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++)
            if (row[c] > row[best]) best = c;
        return best;
    }
}
