namespace Tuner.Trainers.Metrics;

/// <summary>
/// Binary metrics from 0/1 labels and predictions, as ML.NET's BinaryClassification evaluator takes them:
/// AUC and PR-AUC from the score, accuracy and F1 from the predicted label, log-loss from the probability
/// (natural logarithm, clipped like scikit-learn's; ML.NET reports it in bits).
/// </summary>
internal static class BinaryMetrics
{
    public static IReadOnlyDictionary<string, double> Compute(ReadOnlySpan<float> labels, Predictions predictions)
    {
        var result = ThresholdMetrics(labels, predictions);
        var (auc, prAuc) = RankingAreas(labels, predictions.Scores);
        result["auc"] = auc;
        result["prauc"] = prAuc;
        return result;
    }

    /// <summary>The metrics that need no sort: accuracy, F1 and log-loss.</summary>
    public static Dictionary<string, double> ThresholdMetrics(ReadOnlySpan<float> labels, Predictions predictions)
    {
        int n = labels.Length;
        var probabilities = predictions.Values;
        var predictedLabels = predictions.PredictedLabels;
        int tp = 0, fp = 0, fn = 0, correct = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++)
        {
            bool positive = labels[i] > 0.5f;
            double p = probabilities[i];
            bool predicted = predictedLabels[i];
            if (predicted == positive) correct++;
            if (predicted && positive) tp++;
            else if (predicted) fp++;
            else if (positive) fn++;
            double clipped = Math.Clamp(double.IsNaN(p) ? 0.5 : p, MetricCalculator.ProbabilityEpsilon, 1 - MetricCalculator.ProbabilityEpsilon);
            logLoss -= positive ? Math.Log(clipped) : Math.Log(1 - clipped);
        }

        return new Dictionary<string, double>
        {
            ["accuracy"] = n == 0 ? double.NaN : (double)correct / n,
            ["f1"] = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn),
            ["logloss"] = n == 0 ? double.NaN : logLoss / n,
        };
    }

    /// <summary>
    /// ROC AUC (Mann–Whitney, ties count one half) and average precision, from one sort by descending
    /// score. Rows with equal scores are taken as one threshold step so ties do not depend on order.
    /// </summary>
    private static (double Auc, double AveragePrecision) RankingAreas(ReadOnlySpan<float> labels, ReadOnlySpan<double> scores)
    {
        int n = labels.Length;
        var (order, keys) = ScoreOrder.Descending(scores);
        long positives = 0;
        for (int i = 0; i < n; i++) if (labels[i] > 0.5f) positives++;
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return (double.NaN, double.NaN);

        double aucSum = 0, ap = 0;
        long truePositives = 0, falsePositives = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            long groupPositives = 0, groupNegatives = 0;
            while (end < n && keys[end] == keys[start])
            {
                if (labels[order[end]] > 0.5f) groupPositives++; else groupNegatives++;
                end++;
            }

            // Each negative in the group ranks below every positive seen so far and ties with the group's positives.
            aucSum += groupNegatives * (truePositives + 0.5 * groupPositives);
            truePositives += groupPositives;
            falsePositives += groupNegatives;
            if (groupPositives > 0)
                ap += (double)groupPositives / positives * truePositives / (truePositives + falsePositives);
            start = end;
        }

        // aucSum counts, for each negative, the positives scored above it.
        return (aucSum / ((double)positives * negatives), ap);
    }
}
