namespace Tuner.Trainers.Optimizers;

/// <summary>Applies one update to a flat parameter vector from its (already averaged and clipped) gradient.</summary>
internal interface IOptimizer
{
    void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate);
}
