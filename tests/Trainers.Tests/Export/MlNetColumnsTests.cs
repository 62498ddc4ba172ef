using Microsoft.ML;
using Microsoft.ML.Data;
using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Mlp;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Production;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Export;

/// <summary>
/// Our models inside a saved pipeline, loaded back with MLContext.Model.Load, give ML.NET's output columns, holding
/// the model's own predictions, with ML.NET's types: scalar Score, Probability and PredictedLabel, a named Score vector.
/// </summary>
public sealed class MlNetColumnsTests
{
    private static readonly string[] Colours = ["red", "green", "blue"];

    [Fact]
    public void Hinge_sgd_model_gives_a_calibrated_probability_its_margin_and_the_label_of_a_positive_margin()
    {
        var (model, validation) = Train(new SgdTrainer(), Synthetic.Binary(600, 6, seed: 61), ("loss", "hinge"));
        var linear = Assert.IsType<LinearModel>(model);
        Assert.False(linear.Calibration.IsIdentity);
        Assert.True(linear.Calibration.A < 0, $"A = {linear.Calibration.A}");

        var scored = Scored(model, validation, []);

        AssertBinary(scored, model.Predict(validation.Features));
    }

    [Fact]
    public void Binary_mlp_gives_the_sigmoid_of_its_log_odds()
    {
        var (model, validation) = Train(new MlpTrainer(), Synthetic.Xor(600, seed: 62), MlpSettings);
        Assert.True(Assert.IsType<MlpModel>(model).Calibration.IsIdentity);

        AssertBinary(Scored(model, validation, []), model.Predict(validation.Features));
    }

    [Fact]
    public void Multiclass_mlp_gives_the_class_probabilities_and_the_name_of_the_most_likely_class()
    {
        var (model, validation) = Train(new MlpTrainer(), Synthetic.Multiclass(600, 5, 3, seed: 63), MlpSettings);
        var scored = Scored(model, validation, Colours);

        Assert.Equal(3, ((VectorDataViewType)scored.Schema["Score"].Type).Size);
        Assert.Equal(NumberDataViewType.Single, ((VectorDataViewType)scored.Schema["Score"].Type).ItemType);
        Assert.Equal(TextDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["Score"].GetSlotNames(ref slots);
        Assert.Equal(Colours, slots.DenseValues().Select(s => s.ToString()));
        var expected = model.Predict(validation.Features);
        var scores = ScoreColumns.ReadVector(scored, "Score", validation.Rows, 3);
        AssertClose(expected.Values, scores);
        var names = scored.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(n => n.ToString()).ToArray();
        Assert.Equal(Enumerable.Range(0, validation.Rows).Select(r => Colours[MulticlassMetrics.ArgMax(expected.Row(r))]), names);
        Assert.Equal(3, names.Distinct().Count());
    }

    [Fact]
    public void Target_scaled_regression_mlp_gives_its_score_in_the_labels_units()
    {
        var data = Synthetic.Regression(600, 5, seed: 64);
        var large = new LabeledData(data.Features, data.Labels.ToArray().Select(y => 5000 * y).ToArray(), TaskKind.Regression, 0);
        var (model, validation) = Train(new TargetScaling(new MlpTrainer()), large, MlpSettings);
        var scaled = Assert.IsType<TargetScaling.ScaledModel>(model);
        Assert.True(scaled.Scale > 1000, $"scale {scaled.Scale}");

        var scored = Scored(model, validation, []);

        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        // The graph computes in float32 before multiplying by the scale, so a value near 0 is exact to 1e-5 of the scale.
        AssertClose(model.Predict(validation.Features).Values, ScoreColumns.ReadScalar(scored, "Score", validation.Rows), scaled.Scale);
    }

    [Fact]
    public void MlNets_binary_evaluator_on_a_hinge_sgd_models_columns_gives_our_metrics()
    {
        var (model, validation) = Train(new SgdTrainer(), Synthetic.Binary(800, 6, seed: 65, noise: 1.5), ("loss", "hinge"));
        var scored = Scored(model, validation, []);
        var read = ScoreColumns.Read(scored, TaskKind.Binary, validation.Rows, 2);

        AssertSameMetrics(new MLContext(1).BinaryClassification.Evaluate(scored, MatrixDataView.LabelColumn), MetricCalculator.Compute(validation.Labels, read));
        var own = MetricCalculator.Compute(validation.Labels, model.Predict(validation.Features));
        Assert.Equal(own["auc"], MetricCalculator.Compute(validation.Labels, read)["auc"], 6);
        Assert.Equal(own["accuracy"], MetricCalculator.Compute(validation.Labels, read)["accuracy"], 6);
    }

    [Fact]
    public void MlNets_binary_evaluator_on_an_MlNet_svm_gives_our_metrics()
    {
        var (train, validation) = Synthetic.Split(Synthetic.Binary(800, 6, seed: 67, noise: 1.5));
        var outcome = TrainerRegistry.Create("linear_svm", 1).Train(train, validation, Params.Of(), "auc", _ => true, CancellationToken.None);
        var scored = Scored(outcome.Model, validation, []);

        var ours = MetricCalculator.Compute(validation.Labels, ScoreColumns.Read(scored, TaskKind.Binary, validation.Rows, 2));

        AssertSameMetrics(new MLContext(1).BinaryClassification.Evaluate(scored, MatrixDataView.LabelColumn), ours);
    }

    [Fact]
    public void MlNets_multiclass_trainer_names_its_predicted_label_and_score_slots_after_the_classes()
    {
        var (unnamed, validation) = Synthetic.Split(Synthetic.Multiclass(400, 4, 3, seed: 66));
        var train = new LabeledData(unnamed.Features, unnamed.Labels.ToArray(), TaskKind.Multiclass, 3, Colours);
        var outcome = TrainerRegistry.Create("lbfgs_maxent", 1).Train(train, validation, Params.Of(), "accuracy", _ => true, CancellationToken.None);
        var scored = Scored(outcome.Model, validation, Colours);

        Assert.Equal(TextDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        scored.Schema["Score"].GetSlotNames(ref slots);
        Assert.Equal(Colours, slots.DenseValues().Select(s => s.ToString()));
        var expected = outcome.Model.Predict(validation.Features);
        var names = scored.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(n => n.ToString());
        Assert.Equal(Enumerable.Range(0, validation.Rows).Select(r => Colours[MulticlassMetrics.ArgMax(expected.Row(r))]), names);
    }

    private static void AssertSameMetrics(CalibratedBinaryClassificationMetrics theirs, IReadOnlyDictionary<string, double> ours)
    {
        Assert.Equal(theirs.AreaUnderRocCurve, ours["auc"], 6);
        Assert.Equal(theirs.Accuracy, ours["accuracy"], 6);
        Assert.Equal(theirs.F1Score, ours["f1"], 6);
        Assert.Equal(theirs.LogLoss * Math.Log(2), ours["logloss"], 6); // ML.NET's log-loss is in bits, ours in nats
        Assert.True(ours["accuracy"] is > 0.6 and < 1, $"accuracy {ours["accuracy"]}: the noisy data should leave errors to count");
    }

    private static readonly (string, object)[] MlpSettings =
        [("hidden_layers", 1), ("hidden_size", 8), ("activation", "tanh"), ("optimizer", "adam"), ("learning_rate", 0.01), ("epochs", 5), ("seed", 3)];

    private static (ITrainedModel Model, LabeledData Validation) Train(IEpochTrainer trainer, LabeledData data, params (string, object)[] settings)
    {
        var (train, validation) = Synthetic.Split(data);
        var parameters = Params.Of([("learning_rate", 0.05), ("epochs", 5), .. settings]);
        var outcome = trainer.Train(train, validation, parameters, data.Task == TaskKind.Regression ? "rmse" : "accuracy", _ => true, CancellationToken.None);
        return (outcome.Model, validation);
    }

    /// <summary>The model as model.zip holds it, saved and loaded back, applied to the rows.</summary>
    private static IDataView Scored(ITrainedModel model, LabeledData data, IReadOnlyList<string> classes)
    {
        var ml = new MLContext(1);
        var view = new MatrixDataView(data);
        var transformer = ModelTransformer.From(ml, model, data.Task, view, classes);
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, view.Schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _).Transform(view);
    }

    private static void AssertBinary(IDataView scored, Predictions expected)
    {
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Probability"].Type);
        Assert.Equal(BooleanDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
        var actual = ScoreColumns.Read(scored, TaskKind.Binary, expected.Rows, 2);
        AssertClose(expected.Scores, actual.Scores);
        AssertClose(expected.Values, actual.Values);
        Assert.Equal(expected.PredictedLabels.ToArray(), actual.PredictedLabels.ToArray());
        Assert.Contains(true, actual.PredictedLabels.ToArray());
        Assert.Contains(false, actual.PredictedLabels.ToArray());
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double unit = 1)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-5 * Math.Max(unit, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, ML.NET gave {actual[i]}");
        }
    }
}
