namespace Tuner.Trainers.Training;

/// <summary>
/// What one epoch (or boosting iteration) of a trainer produced: the learning curve's raw material.
/// Losses are per-row means of the trainer's objective without the penalty term.
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainingLoss,
    double ValidationLoss,
    double ValidationMetric,
    double LearningRate,
    double GradientNorm,
    double WeightNorm,
    IReadOnlyList<double> LayerGradientNorms);
