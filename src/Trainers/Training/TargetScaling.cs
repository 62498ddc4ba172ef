using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Training;

/// <summary>
/// Divides a regression target by its training root-mean-square before training and multiplies predictions
/// back. Gradient-based trainers then see targets near unit scale (diamond prices run to 18,000, and
/// squared-loss gradients that size explode any sane learning rate), without shifting the sign of the
/// target (Poisson loss needs it non-negative). Losses are in scaled units; metrics, the curve's per-epoch
/// validation metric included, are in the target's own units, so a pruner compares them with other trainers'.
/// </summary>
internal sealed class TargetScaling(IEpochTrainer inner) : IEpochTrainer
{
    public TrainingOutcome Train(
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken)
    {
        if (training.Task != TaskKind.Regression) return inner.Train(training, validation, parameters, rankingMetric, onEpoch, cancellationToken);

        var scale = RootMeanSquare(training.Labels);
        // rmse and mae scale with the target; r2 has no unit.
        var metricScale = MetricInfo.Find(TaskKind.Regression, rankingMetric)?.Name is "rmse" or "mae" ? scale : 1;
        EpochRecord Unscaled(EpochRecord record) => record with { ValidationMetric = record.ValidationMetric * metricScale };
        var outcome = inner.Train(Scaled(training, scale), Scaled(validation, scale), parameters, rankingMetric, record => onEpoch(Unscaled(record)), cancellationToken);
        return outcome with { Epochs = outcome.Epochs.Select(Unscaled).ToArray(), Model = new ScaledModel(outcome.Model, scale) };
    }

    public static double RootMeanSquare(ReadOnlySpan<float> labels)
    {
        double sum = 0;
        foreach (var label in labels) sum += (double)label * label;
        var rms = Math.Sqrt(sum / Math.Max(1, labels.Length));
        return rms > 0 && double.IsFinite(rms) ? rms : 1;
    }

    private static LabeledData Scaled(LabeledData data, double scale)
    {
        var labels = new float[data.Rows];
        for (var i = 0; i < labels.Length; i++) labels[i] = (float)(data.Labels[i] / scale);
        return new LabeledData(data.Features, labels, data.Task, data.ClassCount);
    }

    /// <summary>The inner model's predictions times the scale.</summary>
    public sealed class ScaledModel(ITrainedModel inner, double scale) : ITrainedModel
    {
        public ITrainedModel Inner { get; } = inner;

        public double Scale { get; } = scale;

        public Predictions Predict(FeatureMatrix features)
        {
            var scaled = Inner.Predict(features);
            var values = new double[scaled.Rows];
            for (var i = 0; i < values.Length; i++) values[i] = scaled.Values[i] * Scale;
            return new Predictions(scaled.Task, values, 1);
        }
    }
}
