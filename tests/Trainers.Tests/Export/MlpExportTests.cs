using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Export;
using Tuner.Trainers.Mlp;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Export;

public sealed class MlpExportTests
{
    private static (ITrainedModel Model, LabeledData Validation) Train(IEpochTrainer trainer, LabeledData data, string activation, int layers)
    {
        var (train, validation) = Synthetic.Split(data);
        var outcome = trainer.Train(train, validation,
            Params.Of(("hidden_layers", layers), ("hidden_size", 8), ("activation", activation), ("optimizer", "adam"),
                ("learning_rate", 0.01), ("epochs", 5), ("seed", 3)),
            data.Task == TaskKind.Regression ? "rmse" : "accuracy", _ => true, CancellationToken.None);
        return (outcome.Model, validation);
    }

    [Fact]
    public void Binary_relu_network_with_two_hidden_layers_gives_the_same_probabilities()
    {
        var (model, validation) = Train(new MlpTrainer(), Synthetic.Xor(600, seed: 51), "relu", 2);
        var mlp = Assert.IsType<MlpModel>(model);
        Assert.Equal([2, 8, 8, 1], mlp.LayerSizes);
        OnnxRun.AssertMatches(mlp, mlp, validation.Features, OnnxNames.Probability);
    }

    [Fact]
    public void Multiclass_tanh_network_gives_the_same_probabilities()
    {
        var (model, validation) = Train(new MlpTrainer(), Synthetic.Multiclass(600, 6, 3, seed: 52), "tanh", 1);
        var mlp = Assert.IsType<MlpModel>(model);
        OnnxRun.AssertMatches(mlp, mlp, validation.Features, OnnxNames.Probabilities);
    }

    [Fact]
    public void Target_scaled_regression_network_gives_the_same_values()
    {
        var (model, validation) = Train(new TargetScaling(new MlpTrainer()), Synthetic.Regression(600, 5, seed: 53), "tanh", 2);
        var scaled = Assert.IsType<TargetScaling.ScaledModel>(model);
        OnnxRun.AssertMatches(scaled, Assert.IsType<MlpModel>(scaled.Inner), validation.Features, OnnxNames.Value);
    }
}
