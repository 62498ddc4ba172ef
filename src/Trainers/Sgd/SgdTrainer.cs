using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Sgd;

/// <summary>
/// Mini-batch trainer of a linear model: logistic/hinge-family binary classifiers, multiclass softmax or
/// Crammer–Singer hinge, and regression under the losses of <see cref="Losses.LossFactory"/>. Weights start
/// at zero; see <see cref="MiniBatchLoop"/> for the loop, the per-epoch record and divergence handling, and
/// <see cref="TrainerRegistry"/> for every hyper-parameter. The returned model is a <see cref="LinearModel"/>.
/// </summary>
internal sealed class SgdTrainer : IEpochTrainer
{
    public TrainingOutcome Train(
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(training);
        int outputs = training.Task == TaskKind.Multiclass ? training.ClassCount : 1;
        var model = new LinearGradientModel(training.Task, training.Features.Columns, outputs);
        return MiniBatchLoop.Run(model, training, validation, parameters, rankingMetric, onEpoch, cancellationToken);
    }
}
