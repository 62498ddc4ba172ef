using Tuner.Trainers.Data;

namespace Tuner.Trainers.Metrics;

/// <summary>
/// A metric on each bootstrap resample of the validation rows (<see cref="BootstrapWeights"/>), in O(B·n): per-row
/// terms are computed once and summed with each replicate's counts; AUC and average precision sort the rows once and
/// walk the sorted order per replicate. With every count 1 each replicate is exactly <see cref="MetricCalculator"/>'s value.
/// </summary>
internal static class MetricReplicates
{
    public static float[] Compute(ReadOnlySpan<float> labels, Predictions predictions, string metric, BootstrapWeights weights)
    {
        if (labels.Length != predictions.Rows || labels.Length != weights.Rows)
            throw new ArgumentException($"{labels.Length} labels, {predictions.Rows} predictions and {weights.Rows} bootstrap rows differ.");
        return (predictions.Task, metric) switch
        {
            (TaskKind.Binary, "auc" or "prauc") => RankingAreas(labels, predictions.Scores, weights, metric == "auc"),
            (TaskKind.Binary, "f1") => BinaryF1(labels, predictions, weights),
            (TaskKind.Multiclass, "macro_accuracy" or "macro_f1") => MacroAverages(labels, predictions, weights, metric == "macro_f1"),
            (TaskKind.Regression, "r2") => RSquared(labels, predictions.Values, weights),
            _ => Means(RowTerms(labels, predictions, metric), weights, squareRoot: metric == "rmse"),
        };
    }

    /// <summary>The per-row terms of the metrics that are means over rows (rmse: the squared error, before the root).</summary>
    private static double[] RowTerms(ReadOnlySpan<float> labels, Predictions predictions, string metric)
    {
        int n = labels.Length;
        var terms = new double[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = (predictions.Task, metric) switch
            {
                (TaskKind.Binary, "accuracy") => predictions.PredictedLabels[i] == labels[i] > 0.5f ? 1 : 0,
                (TaskKind.Binary, "logloss") => BinaryLogLoss(labels[i] > 0.5f, predictions.Values[i]),
                (TaskKind.Multiclass, "accuracy") => MulticlassMetrics.ArgMax(predictions.Row(i)) == (int)labels[i] ? 1 : 0,
                (TaskKind.Multiclass, "logloss") => -Math.Log(Math.Clamp(predictions.Row(i)[(int)labels[i]] is var p && double.IsNaN(p) ? 0 : p,
                    MetricCalculator.ProbabilityEpsilon, 1)),
                (TaskKind.Regression, "rmse") => Square(predictions.Values[i] - labels[i]),
                (TaskKind.Regression, "mae") => Math.Abs(predictions.Values[i] - labels[i]),
                _ => throw new ArgumentException($"Unknown metric '{metric}' for a {predictions.Task} task."),
            };
        }

        return terms;
    }

    private static double BinaryLogLoss(bool positive, double p)
    {
        double clipped = Math.Clamp(double.IsNaN(p) ? 0.5 : p, MetricCalculator.ProbabilityEpsilon, 1 - MetricCalculator.ProbabilityEpsilon);
        return positive ? -Math.Log(clipped) : -Math.Log(1 - clipped);
    }

    private static float[] Means(double[] terms, BootstrapWeights weights, bool squareRoot)
    {
        var result = new float[weights.Replicates];
        for (int b = 0; b < result.Length; b++)
        {
            var counts = weights.Replicate(b);
            double sum = 0;
            long total = 0;
            for (int i = 0; i < terms.Length; i++)
            {
                sum += counts[i] * terms[i];
                total += counts[i];
            }

            double mean = total == 0 ? double.NaN : sum / total;
            result[b] = (float)(squareRoot ? Math.Sqrt(mean) : mean);
        }

        return result;
    }

    private static float[] BinaryF1(ReadOnlySpan<float> labels, Predictions predictions, BootstrapWeights weights)
    {
        // 1: true positive, 2: false positive, 3: false negative, 0: true negative.
        var kind = new byte[labels.Length];
        for (int i = 0; i < kind.Length; i++)
        {
            bool positive = labels[i] > 0.5f, predicted = predictions.PredictedLabels[i];
            kind[i] = (byte)(predicted && positive ? 1 : predicted ? 2 : positive ? 3 : 0);
        }

        var result = new float[weights.Replicates];
        Span<long> counts = stackalloc long[4];
        for (int b = 0; b < result.Length; b++)
        {
            counts.Clear();
            var w = weights.Replicate(b);
            for (int i = 0; i < kind.Length; i++) counts[kind[i]] += w[i];
            result[b] = counts[1] == 0 ? 0 : (float)(2.0 * counts[1] / (2.0 * counts[1] + counts[2] + counts[3]));
        }

        return result;
    }

    private static float[] MacroAverages(ReadOnlySpan<float> labels, Predictions predictions, BootstrapWeights weights, bool f1)
    {
        int n = labels.Length, k = predictions.Width;
        var actual = new int[n];
        var predicted = new int[n];
        for (int i = 0; i < n; i++)
        {
            actual[i] = (int)labels[i];
            predicted[i] = MulticlassMetrics.ArgMax(predictions.Row(i));
        }

        var result = new float[weights.Replicates];
        var truePositives = new long[k];
        var actualCounts = new long[k];
        var predictedCounts = new long[k];
        for (int b = 0; b < result.Length; b++)
        {
            Array.Clear(truePositives);
            Array.Clear(actualCounts);
            Array.Clear(predictedCounts);
            var w = weights.Replicate(b);
            for (int i = 0; i < n; i++)
            {
                actualCounts[actual[i]] += w[i];
                predictedCounts[predicted[i]] += w[i];
                if (actual[i] == predicted[i]) truePositives[actual[i]] += w[i];
            }

            double sum = 0;
            int present = 0;
            for (int c = 0; c < k; c++)
            {
                if (actualCounts[c] == 0) continue;
                present++;
                sum += f1 ? 2.0 * truePositives[c] / (actualCounts[c] + predictedCounts[c]) : (double)truePositives[c] / actualCounts[c];
            }

            result[b] = present == 0 ? float.NaN : (float)(sum / present);
        }

        return result;
    }

    private static float[] RSquared(ReadOnlySpan<float> labels, ReadOnlySpan<double> predicted, BootstrapWeights weights)
    {
        var squaredErrors = new double[labels.Length];
        for (int i = 0; i < labels.Length; i++) squaredErrors[i] = Square(predicted[i] - labels[i]);
        var result = new float[weights.Replicates];
        for (int b = 0; b < result.Length; b++)
        {
            var w = weights.Replicate(b);
            double total = 0, sum = 0, sumSquares = 0, errors = 0;
            for (int i = 0; i < labels.Length; i++)
            {
                total += w[i];
                sum += w[i] * (double)labels[i];
                sumSquares += w[i] * (double)labels[i] * labels[i];
                errors += w[i] * squaredErrors[i];
            }

            double deviations = total == 0 ? 0 : sumSquares - sum * sum / total;
            result[b] = deviations <= 0 ? float.NaN : (float)(1 - errors / deviations);
        }

        return result;
    }

    /// <summary>As <see cref="BinaryMetrics"/>' ranking areas (ties one threshold step), with each row counted its weight.</summary>
    private static float[] RankingAreas(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores, BootstrapWeights weights, bool auc)
    {
        int n = labels.Length;
        var (order, keys) = ScoreOrder.Descending(scores);
        // 0/1 rather than bool so the walk adds without a branch on the label, which would mispredict half the time.
        var positive = new int[n];
        var groupEnd = new bool[n];
        for (int j = 0; j < n; j++)
        {
            positive[j] = labels[order[j]] > 0.5f ? 1 : 0;
            groupEnd[j] = j == n - 1 || keys[j + 1] != keys[j];
        }

        // One pass per replicate: the areas are accumulated unnormalised and divided by the class totals at the end.
        var result = new float[weights.Replicates];
        for (int b = 0; b < result.Length; b++)
        {
            var w = weights.Replicate(b);
            double area = 0;
            long truePositives = 0, falsePositives = 0, groupPositives = 0, groupNegatives = 0;
            for (int j = 0; j < n; j++)
            {
                int count = w[order[j]], positives = count * positive[j];
                groupPositives += positives;
                groupNegatives += count - positives;
                if (!groupEnd[j]) continue;
                if (auc) area += groupNegatives * (truePositives + 0.5 * groupPositives);
                truePositives += groupPositives;
                falsePositives += groupNegatives;
                if (!auc && groupPositives > 0) area += (double)groupPositives * truePositives / (truePositives + falsePositives);
                groupPositives = groupNegatives = 0;
            }

            result[b] = truePositives == 0 || falsePositives == 0 ? float.NaN
                : (float)(auc ? area / ((double)truePositives * falsePositives) : area / truePositives);
        }

        return result;
    }

    private static double Square(double x) => x * x;
}
