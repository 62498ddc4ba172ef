using Tuner.Trainers.Kernels;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Regularizers;

/// <summary>
/// L2 penalty ½·λ·‖w‖² over the weights (not biases), applied as weight decay: λ·w is added to the batch
/// gradient after clipping and before the optimiser step, so with plain SGD it is w ← (1 − lr·λ)·w − lr·g
/// (once per batch; with Adam it is coupled L2, not AdamW's decoupled decay).
/// </summary>
internal sealed class L2Regularizer(double strength)
{
    public double Strength { get; } = strength >= 0 ? strength : throw new ArgumentOutOfRangeException(nameof(strength), "l2 must be ≥ 0.");

    public bool IsActive => Strength > 0;

    public double Penalty(ReadOnlySpan<float> parameters, ParameterLayout layout)
    {
        double sum = 0;
        foreach (var layer in layout.Layers)
            sum += VectorKernels.SumOfSquares(parameters.Slice(layer.Offset, layer.WeightCount));
        return 0.5 * Strength * sum;
    }

    /// <summary>gradient += λ·w on every layer's weights.</summary>
    public void AddGradient(ReadOnlySpan<float> parameters, Span<float> gradient, ParameterLayout layout)
    {
        if (!IsActive) return;
        foreach (var layer in layout.Layers)
            VectorKernels.Axpy((float)Strength, parameters.Slice(layer.Offset, layer.WeightCount), gradient.Slice(layer.Offset, layer.WeightCount));
    }
}
