using Tuner.Trainers.Components;
using Tuner.Trainers.Kernels;

namespace Tuner.Trainers.Optimizers;

/// <summary>Plain gradient descent: w ← w − lr·g.</summary>
internal sealed class SgdOptimizer : IOptimizer
{
    public static ComponentEntry<OptimizerCreator> Entry { get; } = new("sgd", "plain gradient descent, the default", [], (_, _) => new SgdOptimizer());

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate) =>
        VectorKernels.Axpy(-learningRate, gradient, parameters);
}
