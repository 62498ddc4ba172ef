using Tuner.Trainers.Data;

namespace Tuner.Trainers.Training;

/// <summary>
/// A trainer that works in epochs and reports each one. <paramref name="onEpoch"/> returns false to stop
/// the run (pruning); cancellation throws <see cref="OperationCanceledException"/>.
/// </summary>
internal interface IEpochTrainer
{
    TrainingOutcome Train(
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken);
}
