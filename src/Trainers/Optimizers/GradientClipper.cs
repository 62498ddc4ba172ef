using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Optimizers;

/// <summary>
/// Clips the batch gradient before the optimiser: <c>norm</c> rescales it to L2 norm ≤ threshold,
/// <c>value</c> clamps each component to ±threshold, <c>none</c> leaves it.
/// </summary>
internal sealed class GradientClipper
{
    public static readonly ParameterInfo ClipParameter =
        ParameterInfo.Choice(ParameterNames.Clip, "none", "gradient clipping of the batch gradient", ["none", "norm", "value"]);

    public static readonly ParameterInfo ThresholdParameter =
        ParameterInfo.Float(ParameterNames.ClipThreshold, 1.0, "clip=norm|value: the largest norm or component kept", min: 0, minExclusive: true);

    public static IReadOnlyList<ParameterInfo> Parameters { get; } = [ClipParameter, ThresholdParameter];

    public GradientClipper(string mode, double threshold)
    {
        Mode = mode.Trim().ToLowerInvariant();
        if (ClipParameter.Problem(Mode) is { } problem) throw new ArgumentException($"clip: {problem}.");
        Threshold = (float)(Mode == "none" ? threshold : ThresholdParameter.Require(threshold));
    }

    public string Mode { get; }

    public float Threshold { get; }

    public static GradientClipper Create(HyperParameters parameters) =>
        new(ClipParameter.ReadChoice(parameters), parameters.GetDouble(ParameterNames.ClipThreshold, (double)ThresholdParameter.Default!));

    /// <summary>Clips in place; <paramref name="norm"/> is the gradient's L2 norm, already computed.</summary>
    public void Apply(Span<float> gradient, double norm)
    {
        if (Mode == "norm")
        {
            if (norm > Threshold) Kernels.VectorKernels.Scale((float)(Threshold / norm), gradient);
        }
        else if (Mode == "value")
        {
            System.Numerics.Tensors.TensorPrimitives.Min(gradient, Threshold, gradient);
            System.Numerics.Tensors.TensorPrimitives.Max(gradient, -Threshold, gradient);
        }
    }
}
