using Tuner.Trainers.Losses;

namespace Tuner.Trainers.Export;

/// <summary>Adds the node that maps raw scores to predictions, mirroring <c>LossMath.ApplyLink</c>.</summary>
internal static class LinkNode
{
    public static string Add(OnnxGraphBuilder graph, OutputLink link, string scores, string output) => link switch
    {
        OutputLink.Identity => graph.AddNode("Identity", output, scores), // graph outputs need a name of their own
        OutputLink.Exp => graph.AddNode("Exp", output, scores),
        OutputLink.Sigmoid => graph.AddNode("Sigmoid", output, scores),
        OutputLink.Softmax => graph.AddNode("Softmax", output, [scores], new Dictionary<string, long> { ["axis"] = 1 }),
        _ => throw new NotSupportedException($"Output link {link} has no ONNX export."),
    };
}
