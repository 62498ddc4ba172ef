namespace Tuner.Trainers.Optimizers;

/// <summary>Applies one update to a flat parameter vector from its (already averaged and clipped) gradient.</summary>
public interface IOptimizer
{
    void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate);
}
