using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Export;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Export;

public sealed class LinearExportTests
{
    private static (LinearModel Model, LabeledData Validation) Train(LabeledData data, string loss)
    {
        var (train, validation) = Synthetic.Split(data);
        var outcome = new SgdTrainer().Train(train, validation, Params.Of(("loss", loss), ("learning_rate", 0.05), ("epochs", 5)),
            data.Task == TaskKind.Regression ? "rmse" : "accuracy", _ => true, CancellationToken.None);
        return (Assert.IsType<LinearModel>(outcome.Model), validation);
    }

    [Fact]
    public void Binary_log_loss_gives_the_same_probabilities()
    {
        var (model, validation) = Train(Synthetic.Binary(600, 7, seed: 41), "log");
        OnnxRun.AssertMatches(model, model, validation.Features, OnnxNames.Probability);
    }

    [Fact]
    public void Multiclass_softmax_gives_the_same_probabilities()
    {
        var (model, validation) = Train(Synthetic.Multiclass(600, 6, 4, seed: 42), "softmax");
        OnnxRun.AssertMatches(model, model, validation.Features, OnnxNames.Probabilities);
    }

    [Theory]
    [InlineData("squared")]
    [InlineData("poisson")]
    public void Regression_gives_the_same_values(string loss)
    {
        var data = loss == "poisson" ? Synthetic.Poisson(600, 5, seed: 43) : Synthetic.Regression(600, 5, seed: 44);
        var (model, validation) = Train(data, loss);
        OnnxRun.AssertMatches(model, model, validation.Features, OnnxNames.Value);
    }

    [Fact]
    public void Target_scaled_regression_multiplies_by_the_scale()
    {
        var data = Synthetic.Regression(600, 5, seed: 45);
        var large = data.Labels.ToArray().Select(y => y * 5000f).ToArray(); // prices-sized targets
        var (train, validation) = Synthetic.Split(new LabeledData(data.Features, large, TaskKind.Regression, 0));
        var outcome = new TargetScaling(new SgdTrainer()).Train(train, validation, Params.Of(("learning_rate", 0.05), ("epochs", 5)),
            "rmse", _ => true, CancellationToken.None);
        var scaled = Assert.IsType<TargetScaling.ScaledModel>(outcome.Model);
        Assert.True(scaled.Scale > 1000, $"scale {scaled.Scale}");
        OnnxRun.AssertMatches(scaled, Assert.IsType<LinearModel>(scaled.Inner), validation.Features, OnnxNames.Value);
    }

    [Fact]
    public void Other_models_are_refused_with_a_clear_message()
    {
        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(new ConstantModel(), 3));
        Assert.Contains(nameof(ConstantModel), error.Message);
        Assert.Contains("ML.NET", error.Message);
        Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(new TargetScaling.ScaledModel(new ConstantModel(), 2), 3));
    }

    [Fact]
    public void A_feature_count_that_does_not_match_the_model_is_rejected()
    {
        var (model, _) = Train(Synthetic.Binary(200, 4, seed: 46), "log");
        Assert.Throws<ArgumentException>(() => OnnxExporter.Export(model, 5));
    }

    private sealed class ConstantModel : ITrainedModel
    {
        public Predictions Predict(FeatureMatrix features) => new(TaskKind.Regression, new double[features.Rows], 1);
    }
}
