using Tuner.Trainers.Training;

namespace Tuner.Trainers.Export;

/// <summary>Adds the binary probability σ(−(A·s+B)) of <see cref="PlattCalibration"/>; the identity is a plain sigmoid.</summary>
internal static class CalibrationNode
{
    public static string Add(OnnxGraphBuilder graph, PlattCalibration calibration, string scores, string output)
    {
        if (calibration.IsIdentity) return graph.AddNode("Sigmoid", output, scores);
        var slope = graph.AddInitializer("platt_minus_a", [], [(float)-calibration.A]);
        var offset = graph.AddInitializer("platt_minus_b", [], [(float)-calibration.B]);
        var scaled = graph.AddNode("Mul", "platt_scaled", scores, slope);
        return graph.AddNode("Sigmoid", output, graph.AddNode("Add", "platt_logit", scaled, offset));
    }
}
