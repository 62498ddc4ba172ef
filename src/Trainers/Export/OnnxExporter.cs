using Tuner.Trainers.Data;
using Tuner.Trainers.Export.Proto;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Export;

/// <summary>
/// Writes Tuner's own trained models as ONNX (IR 8, opset 13, ai.onnx.ml 2) so a production ML.NET pipeline can
/// run them with ApplyOnnxModel: input <see cref="OnnxNames.Features"/> [N × featureCount]; batch outputs the
/// prediction (<see cref="OnnxNames.PredictionFor"/>) and <see cref="OnnxNames.Score"/>, the raw scores before
/// the link; and ML.NET's columns (<see cref="OnnxNames.ColumnsFor"/>), one entry per row ([N], multiclass Score
/// [N × classes]). They are not rank 0: ML.NET 5's ApplyOnnxModel cannot read a scalar tensor output (its object
/// getter enumerates the tensor as a sequence and fails), so ML.NET sees them as one-slot vectors.
/// </summary>
public static class OnnxExporter
{
    private const string UnscaledValue = "unscaled_value";
    private const string TargetScale = "target_scale";
    private const string FlatShape = "flat_shape";

    /// <param name="classes">Multiclass: the class names in index order, for PredictedLabel.</param>
    /// <exception cref="NotSupportedException">The model is not a LinearModel or MlpModel (e.g. an ML.NET model).</exception>
    public static byte[] Export(ITrainedModel model, int featureCount, IReadOnlyList<string>? classes = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        var graph = new OnnxGraphBuilder();
        var features = graph.AddInput(OnnxNames.Features, null, featureCount);
        var scale = model as TargetScaling.ScaledModel;
        var (scores, scoring, task) = ScoreGraph.Add(graph, scale?.Inner ?? model, features, featureCount);
        if (task == TaskKind.Multiclass && classes?.Count != scoring.OutputWidth)
            throw new ArgumentException($"A multiclass model needs its {scoring.OutputWidth} class names, got {classes?.Count ?? 0}.", nameof(classes));
        var prediction = OnnxNames.PredictionFor(task);
        if (scale is not null)
        {
            var unscaled = LinkNode.Add(graph, scoring.Link, scores, UnscaledValue);
            var factor = graph.AddInitializer(TargetScale, [], [(float)scale.Scale]);
            graph.AddNode("Mul", prediction, unscaled, factor);
        }
        else if (task == TaskKind.Binary)
        {
            CalibrationNode.Add(graph, scoring.Calibration, scores, prediction);
        }
        else
        {
            LinkNode.Add(graph, scoring.Link, scores, prediction);
        }

        graph.AddOutput(prediction, null, scoring.OutputWidth);
        graph.AddOutput(OnnxNames.Score, null, scoring.OutputWidth);
        AddColumns(graph, task, scores, prediction, classes);
        return graph.ToModelBytes("tuner_" + scoring.GetType().Name);
    }

    private static void AddColumns(OnnxGraphBuilder graph, TaskKind task, string scores, string prediction, IReadOnlyList<string>? classes)
    {
        var flat = graph.AddInt64Initializer(FlatShape, [1], [-1]);
        switch (task)
        {
            case TaskKind.Binary:
                graph.AddNode("Reshape", OnnxNames.ScoreColumn, scores, flat);
                graph.AddNode("Reshape", OnnxNames.ProbabilityColumn, prediction, flat);
                var positive = graph.AddNode("Greater", "score_positive", scores, graph.AddInitializer("zero", [], [0f]));
                graph.AddNode("Reshape", OnnxNames.PredictedLabelColumn, positive, flat);
                graph.AddOutput(OnnxNames.ScoreColumn, OnnxElementType.Float, [null]);
                graph.AddOutput(OnnxNames.ProbabilityColumn, OnnxElementType.Float, [null]);
                graph.AddOutput(OnnxNames.PredictedLabelColumn, OnnxElementType.Bool, [null]);
                break;
            case TaskKind.Multiclass:
                var count = classes!.Count;
                graph.AddNode("Identity", OnnxNames.ScoreColumn, prediction);
                var best = graph.AddNode("ArgMax", "best_class", [prediction], [OnnxAttribute.Of("axis", 1), OnnxAttribute.Of("keepdims", 0)]);
                graph.AddNode("LabelEncoder", OnnxNames.PredictedLabelColumn, [best],
                    [OnnxAttribute.Of("keys_int64s", Enumerable.Range(0, count).Select(i => (long)i).ToArray()),
                     OnnxAttribute.Of("values_strings", classes.ToArray())],
                    ModelProtoWriter.MlDomain);
                graph.AddOutput(OnnxNames.ScoreColumn, OnnxElementType.Float, null, count);
                graph.AddOutput(OnnxNames.PredictedLabelColumn, OnnxElementType.String, [null]);
                break;
            default:
                graph.AddNode("Reshape", OnnxNames.ScoreColumn, prediction, flat);
                graph.AddOutput(OnnxNames.ScoreColumn, OnnxElementType.Float, [null]);
                break;
        }
    }
}
