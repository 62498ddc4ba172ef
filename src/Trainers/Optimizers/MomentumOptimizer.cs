using Tuner.Trainers.Components;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Optimizers;

/// <summary>
/// Heavy-ball momentum in PyTorch's form: v ← μv + g; w ← w − lr·v. With <c>nesterov</c>:
/// w ← w − lr·(g + μv) (Sutskever et al. 2013, as PyTorch implements it).
/// </summary>
internal sealed class MomentumOptimizer : IOptimizer
{
    public static readonly ParameterInfo MomentumParameter =
        ParameterInfo.Float(ParameterNames.Momentum, 0.9, "momentum, nesterov: μ, the share of the velocity kept", min: 0, max: 1, maxExclusive: true);

    public static ComponentEntry<OptimizerCreator> Entry { get; } =
        new("momentum", "heavy-ball momentum", [MomentumParameter], (count, p) => new MomentumOptimizer(count, MomentumParameter.ReadDouble(p), nesterov: false));

    public static ComponentEntry<OptimizerCreator> NesterovEntry { get; } =
        new("nesterov", "Nesterov momentum", [MomentumParameter], (count, p) => new MomentumOptimizer(count, MomentumParameter.ReadDouble(p), nesterov: true));

    private readonly float[] _velocity;
    private readonly float _momentum;
    private readonly bool _nesterov;

    public MomentumOptimizer(int parameterCount, double momentum, bool nesterov)
    {
        MomentumParameter.Require(momentum);
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
