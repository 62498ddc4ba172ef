using Microsoft.ML;
using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Production;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Training;

public sealed class LabelRangeTests
{
    [Theory]
    [InlineData("sgd", 1f)]
    [InlineData("mlp", 1f)]
    [InlineData("sdca_regression", 1f)]
    [InlineData("sgd", 3e9f)] // labels whose bounds print with an exponent in model.zip's expression
    public void A_regression_model_predicts_within_its_training_labels_both_here_and_in_model_zip(string trainer, float unit)
    {
        var data = Synthetic.Regression(600, 5, seed: 71);
        var scaled = new LabeledData(data.Features, data.Labels.ToArray().Select(y => y * unit).ToArray(), TaskKind.Regression, 0);
        var (train, validation) = Synthetic.Split(scaled);
        var outcome = TrainerRegistry.Create(trainer, 1).Train(train, validation, Params.Of(("epochs", 5)), "rmse", _ => true, CancellationToken.None);
        var (low, high) = (train.Labels.ToArray().Min(), train.Labels.ToArray().Max());
        // Rows unlike every training row: each feature ten times as far from the centre.
        var far = new LabeledData(new FeatureMatrix(validation.Features.ToArray().Select(v => v * 10).ToArray(), validation.Rows, validation.Features.Columns),
            validation.Labels.ToArray(), TaskKind.Regression, 0);

        var ranged = Assert.IsType<LabelRange.RangedModel>(outcome.Model);
        var unbounded = ranged.Inner.Predict(far.Features).Values.ToArray();
        var bounded = outcome.Model.Predict(far.Features).Values.ToArray();

        Assert.Contains(unbounded, v => v > high || v < low); // the model alone extrapolates
        Assert.All(bounded, v => Assert.InRange(v, low, high));
        Assert.Equal(unbounded.Select(v => Math.Clamp(v, low, high)), bounded);
        var zipped = ScoreColumns.ReadScalar(Saved(outcome.Model, far), "Score", far.Rows);
        for (var i = 0; i < far.Rows; i++)
            Assert.True(Math.Abs(zipped[i] - bounded[i]) <= 1e-5 * Math.Max(unit, Math.Abs(bounded[i])), $"row {i}: {bounded[i]} here, {zipped[i]} in model.zip");
    }

    [Fact]
    public void Other_tasks_pass_through()
    {
        var (train, validation) = Synthetic.Split(Synthetic.Binary(300, 4, seed: 72));

        var outcome = TrainerRegistry.Create("sgd", 1).Train(train, validation, Params.Of(("epochs", 2)), "auc", _ => true, CancellationToken.None);

        Assert.IsNotType<LabelRange.RangedModel>(outcome.Model);
    }

    /// <summary>The model as model.zip holds it, saved and loaded back, applied to the rows.</summary>
    private static IDataView Saved(ITrainedModel model, LabeledData data)
    {
        var ml = new MLContext(1);
        var view = new MatrixDataView(data);
        var transformer = ModelTransformer.From(ml, model, data.Task, view, []);
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, view.Schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _).Transform(view);
    }
}
