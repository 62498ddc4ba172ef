using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Export;

/// <summary>
/// A model of our own that writes itself into an ONNX graph: the nodes from the features to its raw scores
/// (<see cref="OnnxNames.Score"/>). <see cref="OnnxExporter"/> adds the link, the calibration and the outputs ML.NET reads.
/// </summary>
internal interface IOnnxScoring : IScoringModel
{
    TaskKind Task { get; }

    /// <summary>Adds its nodes after <paramref name="features"/> (a vector of <paramref name="featureCount"/>) and returns the scores' name.</summary>
    string AddScoreNodes(OnnxGraphBuilder graph, string features, int featureCount);
}
