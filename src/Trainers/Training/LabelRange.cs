using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Training;

/// <summary>
/// Holds a regression model's predictions to the range of the labels it was trained on. A linear model or a network
/// extrapolates where a row is unlike every training row: on ames, an sgd winner (validation R² 0.943) predicted
/// 1,135,692 for a 4,676 sq ft house that sold for 184,750, and that one row took its test R² from 0.910 to 0.665.
/// Trees cannot leave the range, so every trainer is held to it alike; model.zip ends with the same bounds
/// (<see cref="Production.ModelTransformer"/>). Other tasks pass through.
/// </summary>
internal sealed class LabelRange(IEpochTrainer inner) : IEpochTrainer
{
    public TrainingOutcome Train(
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken)
    {
        if (training.Task != TaskKind.Regression || training.Rows == 0)
            return inner.Train(training, validation, parameters, rankingMetric, onEpoch, cancellationToken);

        var (low, high) = (float.PositiveInfinity, float.NegativeInfinity);
        foreach (var label in training.Labels)
            (low, high) = (Math.Min(low, label), Math.Max(high, label));
        try
        {
            var outcome = inner.Train(training, validation, parameters, rankingMetric, onEpoch, cancellationToken);
            return outcome with { Model = new RangedModel(outcome.Model, low, high) };
        }
        catch (CutShortException cut)
        {
            throw new CutShortException(cut.Outcome with { Model = new RangedModel(cut.Outcome.Model, low, high) }, cut.Reproducing, cut.CancellationToken);
        }
    }

    /// <summary>The inner model's values, each held to [<see cref="Low"/>, <see cref="High"/>].</summary>
    public sealed class RangedModel(ITrainedModel inner, float low, float high) : ITrainedModel
    {
        public ITrainedModel Inner { get; } = inner;

        public float Low { get; } = low;

        public float High { get; } = high;

        public Predictions Predict(FeatureMatrix features)
        {
            var predicted = Inner.Predict(features);
            var values = new double[predicted.Rows];
            for (var i = 0; i < values.Length; i++) values[i] = Math.Clamp(predicted.Values[i], Low, High);
            return new Predictions(predicted.Task, values, 1);
        }
    }
}
