using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Sgd;

public sealed class SgdLearningTests
{
    private static TrainingOutcome Train(LabeledData data, string metric, HyperParameters parameters)
    {
        var (train, validation) = Synthetic.Split(data);
        return new SgdTrainer().Train(train, validation, parameters, metric, _ => true, CancellationToken.None);
    }

    [Theory]
    [InlineData("log", "sgd")]
    [InlineData("hinge", "sgd")]
    [InlineData("squared_hinge", "momentum")]
    [InlineData("modified_huber", "nesterov")]
    [InlineData("focal", "adam")]
    public void Learns_a_linear_binary_problem(string loss, string optimizer)
    {
        var outcome = Train(Synthetic.Binary(3000, 10, seed: 1), "accuracy",
            Params.Of(("loss", loss), ("optimizer", optimizer), ("learning_rate", optimizer == "adam" ? 0.01 : 0.05), ("epochs", 8), ("batch_size", 16)));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(8, outcome.Epochs.Count);
        Assert.True(outcome.Epochs[^1].ValidationMetric > 0.93, $"accuracy {outcome.Epochs[^1].ValidationMetric}");
        Assert.True(outcome.Epochs[^1].TrainingLoss < outcome.Epochs[0].TrainingLoss * 1.01);
        var model = Assert.IsType<LinearModel>(outcome.Model);
        Assert.Equal(10, model.Weights.Length);
        Assert.Single(outcome.Epochs[0].LayerGradientNorms);
    }

    [Theory]
    [InlineData("softmax")]
    [InlineData("multiclass_hinge")]
    [InlineData("softmax_focal")]
    public void Learns_a_linear_multiclass_problem(string loss)
    {
        var data = Synthetic.Multiclass(3000, 8, 4, seed: 2);
        var outcome = Train(data, "accuracy", Params.Of(("loss", loss), ("learning_rate", 0.05), ("epochs", 10), ("batch_size", 8)));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.Epochs[^1].ValidationMetric > 0.85, $"accuracy {outcome.Epochs[^1].ValidationMetric}");
        var (_, validation) = Synthetic.Split(data);
        var predictions = outcome.Model.Predict(validation.Features);
        Assert.Equal(4, predictions.Width);
        Assert.Equal(1.0, predictions.Row(0).ToArray().Sum(), 9);
    }

    [Theory]
    [InlineData("squared")]
    [InlineData("absolute")]
    [InlineData("huber")]
    [InlineData("epsilon_insensitive")]
    [InlineData("log_cosh")]
    public void Learns_a_linear_regression_problem(string loss)
    {
        var outcome = Train(Synthetic.Regression(3000, 10, seed: 3), "r2",
            Params.Of(("loss", loss), ("learning_rate", 0.02), ("epochs", 10), ("batch_size", 4), ("epsilon", 0.05)));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.Epochs[^1].ValidationMetric > 0.97, $"r2 {outcome.Epochs[^1].ValidationMetric}");
    }

    [Fact]
    public void Poisson_regression_predicts_positive_means()
    {
        var data = Synthetic.Poisson(4000, 4, seed: 4);
        var outcome = Train(data, "r2", Params.Of(("loss", "poisson"), ("learning_rate", 0.02), ("epochs", 10), ("batch_size", 8)));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        var model = Assert.IsType<LinearModel>(outcome.Model);
        Assert.Equal(0.5, model.Bias[0], 0.15);
        Assert.Equal(0.6, model.Weights[0], 0.15);
        Assert.Equal(-0.4, model.Weights[1], 0.15);
        var (_, validation) = Synthetic.Split(data);
        Assert.All(outcome.Model.Predict(validation.Features).Values.ToArray(), v => Assert.True(v > 0));
    }

    [Fact]
    public void Hinge_predictions_are_a_Platt_calibration_of_the_margin_fitted_on_the_training_rows()
    {
        var data = Synthetic.Binary(500, 3, seed: 5);
        var outcome = Train(data, "auc", Params.Of(("loss", "hinge"), ("epochs", 2)));
        var model = Assert.IsType<LinearModel>(outcome.Model);
        var (train, _) = Synthetic.Split(data);
        Assert.Equal(PlattCalibration.Fit(model.Scores(train.Features), train.Labels), model.Calibration);
        Assert.True(model.Calibration.A < 0 && !model.Calibration.IsIdentity, $"{model.Calibration}");
        var scores = model.Scores(data.Features);
        var predictions = model.Predict(data.Features);
        Assert.Equal(1 / (1 + Math.Exp(model.Calibration.A * scores[7] + model.Calibration.B)), predictions.Values[7], 12);
        Assert.Equal(scores[7], predictions.Scores[7]);
        Assert.Equal(scores[7] > 0, predictions.PredictedLabels[7]);
    }

    [Fact]
    public void Log_loss_predictions_stay_the_sigmoid_of_the_score()
    {
        var data = Synthetic.Binary(500, 3, seed: 5);
        var model = Assert.IsType<LinearModel>(Train(data, "auc", Params.Of(("loss", "log"), ("epochs", 2))).Model);
        Assert.True(model.Calibration.IsIdentity);
        Assert.Equal(1 / (1 + Math.Exp(-model.Scores(data.Features)[7])), model.Predict(data.Features).Values[7], 12);
    }

    [Fact]
    public void Epoch_record_reports_rate_norms_and_metric()
    {
        var outcome = Train(Synthetic.Binary(1000, 5, seed: 6), "auc",
            Params.Of(("schedule", "step"), ("step_size", 1), ("step_gamma", 0.5), ("learning_rate", 0.2), ("epochs", 3)));
        Assert.Equal([1, 2, 3], outcome.Epochs.Select(e => e.Epoch));
        Assert.Equal([0.2, 0.1, 0.05], outcome.Epochs.Select(e => e.LearningRate));
        Assert.All(outcome.Epochs, e =>
        {
            Assert.True(e.GradientNorm > 0 && e.WeightNorm > 0 && e.ValidationMetric > 0.9);
            Assert.Equal(e.GradientNorm, e.LayerGradientNorms[0], 12);
        });
    }

    [Fact]
    public void Unknown_metric_is_rejected_before_training() =>
        Assert.Throws<ArgumentException>(() => Train(Synthetic.Binary(100, 2, seed: 7), "rmse", HyperParameters.Empty));
}
