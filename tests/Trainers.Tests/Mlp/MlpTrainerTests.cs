using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Mlp;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Mlp;

public sealed class MlpTrainerTests
{
    private static readonly (LabeledData Train, LabeledData Validation) Xor = Synthetic.Split(Synthetic.Xor(2000, seed: 31));

    private static TrainingOutcome TrainMlp(HyperParameters parameters, (LabeledData Train, LabeledData Validation)? data = null, string metric = "accuracy")
    {
        var (train, validation) = data ?? Xor;
        return new MlpTrainer().Train(train, validation, parameters, metric, _ => true, CancellationToken.None);
    }

    [Theory]
    [InlineData("relu", "he", 1)]
    [InlineData("tanh", "xavier", 2)]
    [InlineData("relu", "he", 3)]
    public void Learns_xor_which_a_linear_model_cannot(string activation, string init, int layers)
    {
        var mlp = TrainMlp(Params.Of(("hidden_layers", layers), ("hidden_size", 16), ("activation", activation), ("init", init),
            ("optimizer", "adam"), ("learning_rate", 0.01), ("epochs", 30), ("batch_size", 16), ("seed", 2)));
        var linear = new SgdTrainer().Train(Xor.Train, Xor.Validation, Params.Of(("epochs", 30), ("learning_rate", 0.05)), "accuracy", _ => true, CancellationToken.None);
        Assert.Equal(TrainingStatus.Completed, mlp.Status);
        Assert.True(mlp.Epochs[^1].ValidationMetric > 0.9, $"MLP accuracy {mlp.Epochs[^1].ValidationMetric}");
        Assert.True(linear.Epochs[^1].ValidationMetric < 0.7, $"linear accuracy {linear.Epochs[^1].ValidationMetric}");
        Assert.Equal(layers + 1, mlp.Epochs[0].LayerGradientNorms.Count);
        var model = Assert.IsType<MlpModel>(mlp.Model);
        Assert.Equal(layers + 1, model.Weights.Count);
        Assert.Equal(16 * 2, model.Weights[0].Length);
    }

    [Fact]
    public void Learns_multiclass_and_regression()
    {
        var multi = TrainMlp(Params.Of(("hidden_size", 16), ("optimizer", "adam"), ("learning_rate", 0.01), ("epochs", 10)),
            Synthetic.Split(Synthetic.Multiclass(2000, 6, 3, seed: 32)));
        Assert.True(multi.Epochs[^1].ValidationMetric > 0.85, $"accuracy {multi.Epochs[^1].ValidationMetric}");
        var regression = TrainMlp(Params.Of(("hidden_size", 16), ("optimizer", "adam"), ("learning_rate", 0.01), ("epochs", 10)),
            Synthetic.Split(Synthetic.Regression(2000, 5, seed: 33)), "r2");
        Assert.True(regression.Epochs[^1].ValidationMetric > 0.9, $"r2 {regression.Epochs[^1].ValidationMetric}");
    }

    [Fact]
    public void Per_layer_hidden_sizes_are_respected()
    {
        var model = (MlpModel)TrainMlp(Params.Of(("hidden_layers", 2), ("hidden_size_1", 7), ("hidden_size_2", 3), ("epochs", 1))).Model;
        Assert.Equal([2, 7, 3, 1], model.LayerSizes);
        Assert.Equal(3 * 7, model.Weights[1].Length);
        Assert.Equal(3, model.Biases[1].Length);
    }

    [Fact]
    public void Tiny_uniform_init_vanishes_and_huge_init_explodes()
    {
        HyperParameters P(double scale) => Params.Of(("hidden_layers", 3), ("hidden_size", 16), ("activation", "tanh"), ("init", "uniform"),
            ("init_scale", scale), ("epochs", 1), ("learning_rate", 0.1));
        var tiny = TrainMlp(P(1e-4)).Epochs[0].LayerGradientNorms;
        var sane = TrainMlp(P(0.5)).Epochs[0].LayerGradientNorms;
        Assert.True(tiny[0] < 1e-6 * sane[0], $"first-layer gradient norm with tiny init {tiny[0]} vs {sane[0]}");
        var huge = TrainMlp(Params.Of(("hidden_layers", 3), ("hidden_size", 64), ("activation", "relu"), ("init", "uniform"),
            ("init_scale", 50.0), ("epochs", 5), ("learning_rate", 0.1)));
        Assert.Equal(TrainingStatus.Diverged, huge.Status);
    }

    [Fact]
    public void Same_seed_gives_identical_networks()
    {
        HyperParameters P(int seed) => Params.Of(("seed", seed), ("hidden_size", 8), ("epochs", 2), ("optimizer", "nesterov"));
        var a = (MlpModel)TrainMlp(P(1)).Model;
        var b = (MlpModel)TrainMlp(P(1)).Model;
        var c = (MlpModel)TrainMlp(P(2)).Model;
        for (int l = 0; l < a.Weights.Count; l++) Assert.Equal(a.Weights[l], b.Weights[l]);
        Assert.NotEqual(a.Weights[0], c.Weights[0]);
    }

    [Fact]
    public void Early_stopping_restores_the_best_epoch()
    {
        var outcome = TrainMlp(Params.Of(("hidden_size", 32), ("learning_rate", 0.3), ("epochs", 40), ("batch_size", 1), ("early_stopping_patience", 2)),
            Synthetic.Split(Synthetic.Binary(600, 5, seed: 34, noise: 3.0)), "auc");
        var best = outcome.Epochs.MinBy(e => e.ValidationLoss)!;
        var (_, validation) = Synthetic.Split(Synthetic.Binary(600, 5, seed: 34, noise: 3.0));
        var (loss, _) = MiniBatchLoop.Evaluate((IScoringModel)outcome.Model, validation, new Tuner.Trainers.Losses.LogLoss(), null, "auc");
        Assert.Equal(best.ValidationLoss, loss, 9);
        Assert.True(outcome.Epochs.Count < 40);
    }

    [Fact]
    public void Out_of_range_architecture_is_rejected()
    {
        Assert.Contains("hidden_layers", Assert.Throws<ArgumentException>(() => TrainMlp(Params.Of(("hidden_layers", 4)))).Message);
        Assert.Contains("activation", Assert.Throws<ArgumentException>(() => TrainMlp(Params.Of(("activation", "gelu")))).Message);
    }
}
