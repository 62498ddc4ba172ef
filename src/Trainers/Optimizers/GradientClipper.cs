using Tuner.Trainers.Training;

namespace Tuner.Trainers.Optimizers;

/// <summary>
/// Clips the batch gradient before the optimiser: <c>norm</c> rescales it to L2 norm ≤ threshold,
/// <c>value</c> clamps each component to ±threshold, <c>none</c> leaves it.
/// </summary>
public sealed class GradientClipper
{
    public GradientClipper(string mode, double threshold)
    {
        Mode = mode.Trim().ToLowerInvariant();
        if (Mode is not ("none" or "norm" or "value"))
            throw new ArgumentException($"Unknown clip '{mode}'; use none, norm or value.");
        if (Mode != "none" && !(threshold > 0))
            throw new ArgumentException($"clip_threshold must be > 0, got {threshold}.");
        Threshold = (float)threshold;
    }

    public string Mode { get; }

    public float Threshold { get; }

    public static GradientClipper Create(HyperParameters parameters) =>
        new(parameters.GetString(ParameterNames.Clip, "none"), parameters.GetDouble(ParameterNames.ClipThreshold, 1.0));

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
