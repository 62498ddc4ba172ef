using Tuner.Trainers.Data;
using Tuner.Trainers.Mlp;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Export;

/// <summary>Adds the nodes from the features to a model's raw scores (the "score" output).</summary>
internal static class ScoreGraph
{
    public static (string Scores, IScoringModel Model, TaskKind Task) Add(OnnxGraphBuilder graph, ITrainedModel model, string features, int featureCount) => model switch
    {
        LinearModel linear => (AddLinear(graph, linear, features, featureCount), linear, linear.Task),
        MlpModel mlp => (AddMlp(graph, mlp, features, featureCount), mlp, mlp.Task),
        _ => throw NotSupported(model),
    };

    public static NotSupportedException NotSupported(ITrainedModel model) => new(
        $"ONNX export supports Tuner's own SGD (LinearModel) and MLP (MlpModel) models, optionally target-scaled; " +
        $"{model.GetType().Name} is not one of them. ML.NET models are exported as ML.NET model.zip files instead.");

    private static string AddLinear(OnnxGraphBuilder graph, LinearModel model, string features, int featureCount)
    {
        RequireFeatures(model.FeatureCount, featureCount);
        return DenseLayer.Add(graph, features, model.Weights, model.Bias, model.FeatureCount, model.OutputCount, "linear", OnnxNames.Score);
    }

    private static string AddMlp(OnnxGraphBuilder graph, MlpModel model, string features, int featureCount)
    {
        RequireFeatures(model.LayerSizes[0], featureCount);
        var activation = model.Activation switch
        {
            Activation.Relu => "Relu",
            Activation.Tanh => "Tanh",
            _ => throw new NotSupportedException($"Activation {model.Activation} has no ONNX export."),
        };
        var current = features;
        int last = model.Weights.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            var prefix = $"layer{l}";
            var output = l == last ? OnnxNames.Score : prefix + "_linear";
            current = DenseLayer.Add(graph, current, model.Weights[l], model.Biases[l], model.LayerSizes[l], model.LayerSizes[l + 1], prefix, output);
            if (l < last) current = graph.AddNode(activation, $"{prefix}_{activation.ToLowerInvariant()}", current);
        }

        return current;
    }

    private static void RequireFeatures(int expected, int given)
    {
        if (expected != given)
            throw new ArgumentException($"The model was trained on {expected} features, but the export was asked for {given}.", "featureCount");
    }
}
