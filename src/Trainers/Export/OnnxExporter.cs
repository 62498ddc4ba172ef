using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Export;

/// <summary>
/// Writes Tuner's own trained models as ONNX (IR 8, opset 13) so a production ML.NET pipeline can run them
/// with ApplyOnnxModel: input <see cref="OnnxNames.Features"/> [N × featureCount]; outputs the prediction
/// (<see cref="OnnxNames.Probability"/>, calibrated; <see cref="OnnxNames.Probabilities"/> or <see cref="OnnxNames.Value"/>)
/// and <see cref="OnnxNames.Score"/>, the raw scores before the link, from which model.zip's ML.NET head
/// (Production/MlNetHead) makes ML.NET's columns.
/// </summary>
internal static class OnnxExporter
{
    private const string UnscaledValue = "unscaled_value";
    private const string TargetScale = "target_scale";

    /// <exception cref="NotSupportedException">The model is not a LinearModel or MlpModel (e.g. an ML.NET model).</exception>
    public static byte[] Export(ITrainedModel model, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        var graph = new OnnxGraphBuilder();
        var features = graph.AddInput(OnnxNames.Features, null, featureCount);
        var scale = model as TargetScaling.ScaledModel;
        var (scores, scoring, task) = ScoreGraph.Add(graph, scale?.Inner ?? model, features, featureCount);
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
        return graph.ToModelBytes("tuner_" + scoring.GetType().Name);
    }
}
