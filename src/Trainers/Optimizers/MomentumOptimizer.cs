using Tuner.Trainers.Kernels;

namespace Tuner.Trainers.Optimizers;

/// <summary>
/// Heavy-ball momentum in PyTorch's form: v ← μv + g; w ← w − lr·v. With <c>nesterov</c>:
/// w ← w − lr·(g + μv) (Sutskever et al. 2013, as PyTorch implements it).
/// </summary>
public sealed class MomentumOptimizer : IOptimizer
{
    private readonly float[] _velocity;
    private readonly float _momentum;
    private readonly bool _nesterov;

    public MomentumOptimizer(int parameterCount, double momentum, bool nesterov)
    {
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), "momentum must be in [0, 1).");
        _velocity = new float[parameterCount];
        _momentum = (float)momentum;
        _nesterov = nesterov;
    }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate)
    {
        VectorKernels.Scale(_momentum, _velocity);
        VectorKernels.Axpy(1, gradient, _velocity);
        if (_nesterov)
        {
            VectorKernels.Axpy(-learningRate, gradient, parameters);
            VectorKernels.Axpy(-learningRate * _momentum, _velocity, parameters);
        }
        else
        {
            VectorKernels.Axpy(-learningRate, _velocity, parameters);
        }
    }
}
