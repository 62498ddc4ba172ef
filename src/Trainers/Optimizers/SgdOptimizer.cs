using Tuner.Trainers.Kernels;

namespace Tuner.Trainers.Optimizers;

/// <summary>Plain gradient descent: w ← w − lr·g.</summary>
public sealed class SgdOptimizer : IOptimizer
{
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate) =>
        VectorKernels.Axpy(-learningRate, gradient, parameters);
}
