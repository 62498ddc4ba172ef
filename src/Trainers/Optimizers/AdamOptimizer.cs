using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with bias correction and ε = 1e-8: m ← β1·m + (1−β1)g, v ← β2·v + (1−β2)g²,
/// w ← w − lr·m̂/(√v̂ + ε). L2 reaches Adam through the gradient (coupled, not AdamW).
/// </summary>
internal sealed class AdamOptimizer : IOptimizer
{
    public const double Epsilon = 1e-8;

    public static readonly ParameterInfo Beta1Parameter =
        ParameterInfo.Float(ParameterNames.AdamBeta1, 0.9, "adam: decay of the gradient's running mean", min: 0, max: 1, maxExclusive: true);

    public static readonly ParameterInfo Beta2Parameter =
        ParameterInfo.Float(ParameterNames.AdamBeta2, 0.999, "adam: decay of the squared gradient's running mean", min: 0, max: 1, maxExclusive: true);

    public static ComponentEntry<OptimizerCreator> Entry { get; } =
        new("adam", "Adam with bias correction", [Beta1Parameter, Beta2Parameter],
            (count, p) => new AdamOptimizer(count, Beta1Parameter.ReadDouble(p), Beta2Parameter.ReadDouble(p)));

    private readonly float[] _m, _v;
    private readonly double _beta1, _beta2;
    private long _step;

    public AdamOptimizer(int parameterCount, double beta1, double beta2)
    {
        Beta1Parameter.Require(beta1);
        Beta2Parameter.Require(beta2);
        _m = new float[parameterCount];
        _v = new float[parameterCount];
        _beta1 = beta1;
        _beta2 = beta2;
    }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, float learningRate)
    {
        _step++;
        float b1 = (float)_beta1, b2 = (float)_beta2;
        float c1 = (float)(1 - Math.Pow(_beta1, _step)), c2 = (float)(1 - Math.Pow(_beta2, _step));
        float eps = (float)Epsilon;
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradient[i];
            float m = _m[i] = b1 * _m[i] + (1 - b1) * g;
            float v = _v[i] = b2 * _v[i] + (1 - b2) * g * g;
            parameters[i] -= learningRate * (m / c1) / (MathF.Sqrt(v / c2) + eps);
        }
    }
}
