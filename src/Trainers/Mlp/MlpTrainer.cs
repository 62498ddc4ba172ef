using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Mlp;

/// <summary>
/// Mini-batch trainer of a small fully connected network (1–3 hidden layers) under the same losses,
/// schedules, optimisers and regularisers as the linear trainer (see <see cref="MiniBatchLoop"/> and
/// <see cref="ParameterNames"/>). The returned model is an <see cref="MlpModel"/>; the epoch record's
/// LayerGradientNorms has one entry per weight layer, input side first.
/// </summary>
public sealed class MlpTrainer : IEpochTrainer
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
        ArgumentNullException.ThrowIfNull(parameters);
        var network = CreateNetwork(training, parameters);
        var model = new MlpGradientModel(training.Task, network, parameters.GetString(ParameterNames.Init, "he"),
            parameters.GetDouble(ParameterNames.InitScale, 0.05));
        return MiniBatchLoop.Run(model, training, validation, parameters, rankingMetric, onEpoch, cancellationToken);
    }

    public static MlpNetwork CreateNetwork(LabeledData training, HyperParameters parameters)
    {
        int layers = parameters.GetInt(ParameterNames.HiddenLayers, 1);
        if (layers is < 1 or > 3) throw new ArgumentException($"hidden_layers must be 1, 2 or 3, got {layers}.");
        int width = parameters.GetInt(ParameterNames.HiddenSize, 32);
        var sizes = new List<int> { training.Features.Columns };
        for (int l = 1; l <= layers; l++)
        {
            int size = parameters.GetInt(ParameterNames.HiddenSizeOf(l), width);
            if (size < 1) throw new ArgumentException($"{ParameterNames.HiddenSizeOf(l)} must be ≥ 1, got {size}.");
            sizes.Add(size);
        }

        sizes.Add(training.Task == TaskKind.Multiclass ? training.ClassCount : 1);
        string activation = parameters.GetString(ParameterNames.Activation, "relu").Trim().ToLowerInvariant();
        return new MlpNetwork(sizes, activation switch
        {
            "relu" => Activation.Relu,
            "tanh" => Activation.Tanh,
            _ => throw new ArgumentException($"Unknown activation '{activation}'; use relu or tanh."),
        });
    }
}
