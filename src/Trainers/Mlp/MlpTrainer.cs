using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Mlp;

/// <summary>
/// Mini-batch trainer of a small fully connected network (1–3 hidden layers) under the same losses,
/// schedules, optimisers and regularisers as the linear trainer (see <see cref="MiniBatchLoop"/> and
/// <see cref="TrainerRegistry"/>). The returned model is an <see cref="MlpModel"/>; the epoch record's
/// LayerGradientNorms has one entry per weight layer, input side first.
/// </summary>
internal sealed class MlpTrainer : IEpochTrainer
{
    public const int MaxHiddenLayers = 3;

    public static readonly ParameterInfo LayersParameter = ParameterInfo.Int(ParameterNames.HiddenLayers, 1, "hidden layers", min: 1, max: MaxHiddenLayers);

    public static readonly ParameterInfo SizeParameter = ParameterInfo.Int(ParameterNames.HiddenSize, 32, "width of every hidden layer without its own hidden_size_k", min: 1);

    public static readonly ParameterInfo ActivationParameter =
        ParameterInfo.Choice(ParameterNames.Activation, "relu", "the hidden layers' non-linearity", ["relu", "tanh"]);

    public static readonly ParameterInfo InitParameter =
        ParameterInfo.Choice(ParameterNames.Init, "he", "initial weights: he normal, xavier uniform, or uniform ±init_scale", ["he", "xavier", "uniform"]);

    public static readonly ParameterInfo InitScaleParameter =
        ParameterInfo.Float(ParameterNames.InitScale, 0.05, "init=uniform: weights uniform in ±init_scale", min: 0, minExclusive: true);

    /// <summary>The network's own parameters; the loop, loss, schedule and optimiser ones come from the shared loop.</summary>
    public static IReadOnlyList<ParameterInfo> Parameters { get; } =
    [
        LayersParameter, SizeParameter,
        .. Enumerable.Range(1, MaxHiddenLayers).Select(l => ParameterInfo.Int(ParameterNames.HiddenSizeOf(l), null, $"width of hidden layer {l}", min: 1).DefaultingTo(ParameterNames.HiddenSize)),
        ActivationParameter, InitParameter, InitScaleParameter,
    ];

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
        var model = new MlpGradientModel(training.Task, network, InitParameter.ReadChoice(parameters),
            parameters.GetDouble(ParameterNames.InitScale, (double)InitScaleParameter.Default!));
        return MiniBatchLoop.Run(model, training, validation, parameters, rankingMetric, onEpoch, cancellationToken);
    }

    public static MlpNetwork CreateNetwork(LabeledData training, HyperParameters parameters)
    {
        int layers = LayersParameter.ReadInt(parameters);
        int width = SizeParameter.ReadInt(parameters);
        var sizes = new List<int> { training.Features.Columns };
        for (int l = 1; l <= layers; l++)
        {
            int size = parameters.GetInt(ParameterNames.HiddenSizeOf(l), width);
            if (size < 1) throw new ArgumentException($"{ParameterNames.HiddenSizeOf(l)} must be ≥ 1, got {size}.");
            sizes.Add(size);
        }

        sizes.Add(training.Task == TaskKind.Multiclass ? training.ClassCount : 1);
        string activation = ActivationParameter.ReadChoice(parameters);
        return new MlpNetwork(sizes, activation switch
        {
            "relu" => Activation.Relu,
            "tanh" => Activation.Tanh,
            _ => throw new ArgumentException($"Unknown activation '{activation}'; use relu or tanh."),
        });
    }
}
