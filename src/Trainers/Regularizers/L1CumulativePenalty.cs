using Tuner.Trainers.Training;

namespace Tuner.Trainers.Regularizers;

/// <summary>
/// L1 penalty λ·‖w‖₁ by the cumulative-penalty truncated gradient of Tsuruoka, Tsujii &amp; Ananiadou (2009):
/// u is the total penalty every weight could have received so far (Σ lr·λ over steps), q_i what weight i
/// actually received. After each optimiser step, a positive weight becomes max(0, w − (u + q_i)), a negative
/// one min(0, w + (u − q_i)), and q_i grows by the change. Weights are clipped at zero rather than crossing
/// it, so irrelevant features reach exact zeros. Biases are not penalised.
/// </summary>
internal sealed class L1CumulativePenalty
{
    private readonly ParameterLayout _layout;
    private readonly float[] _applied;
    private double _total;

    public L1CumulativePenalty(double strength, ParameterLayout layout)
    {
        Strength = strength >= 0 ? strength : throw new ArgumentOutOfRangeException(nameof(strength), "l1 must be ≥ 0.");
        _layout = layout;
        _applied = IsActive ? new float[layout.Count] : [];
    }

    public double Strength { get; }

    public bool IsActive => Strength > 0;

    public double Penalty(ReadOnlySpan<float> parameters)
    {
        double sum = 0;
        foreach (var layer in _layout.Layers)
            foreach (var w in parameters.Slice(layer.Offset, layer.WeightCount))
                sum += Math.Abs(w);
        return Strength * sum;
    }

    /// <summary>Applies the penalty accrued by one step at learning rate <paramref name="learningRate"/>.</summary>
    public void Apply(Span<float> parameters, double learningRate)
    {
        if (!IsActive) return;
        _total += learningRate * Strength;
        float u = (float)_total;
        foreach (var layer in _layout.Layers)
        {
            var w = parameters.Slice(layer.Offset, layer.WeightCount);
            var q = _applied.AsSpan(layer.Offset, layer.WeightCount);
            for (int i = 0; i < w.Length; i++)
            {
                float z = w[i];
                if (z > 0) w[i] = MathF.Max(0, z - (u + q[i]));
                else if (z < 0) w[i] = MathF.Min(0, z + (u - q[i]));
                q[i] += w[i] - z;
            }
        }
    }
}
