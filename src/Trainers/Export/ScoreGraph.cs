using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Export;

/// <summary>Adds the nodes from the features to a model's raw scores (the "score" output): each model of ours writes its own.</summary>
internal static class ScoreGraph
{
    public static (string Scores, IScoringModel Model, TaskKind Task) Add(OnnxGraphBuilder graph, ITrainedModel model, string features, int featureCount) =>
        model is IOnnxScoring own ? (own.AddScoreNodes(graph, features, featureCount), own, own.Task) : throw NotSupported(model);

    public static NotSupportedException NotSupported(ITrainedModel model) => new(
        $"ONNX export supports Tuner's own models (IOnnxScoring: SGD, MLP), optionally target-scaled; " +
        $"{model.GetType().Name} is not one of them. ML.NET models are exported as ML.NET model.zip files instead.");

    public static void RequireFeatures(int expected, int given)
    {
        if (expected != given)
            throw new ArgumentException($"The model was trained on {expected} features, but the export was asked for {given}.", "featureCount");
    }
}
