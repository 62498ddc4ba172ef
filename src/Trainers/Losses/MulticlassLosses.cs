using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Losses;

/// <summary>A loss over one score per class; the label is the class index.</summary>
internal abstract class MulticlassLoss : ILoss
{
    public abstract string Name { get; }

    public OutputLink Link => OutputLink.Softmax;

    public double Value(ReadOnlySpan<double> scores, float label)
    {
        Span<double> scratch = scores.Length <= 64 ? stackalloc double[scores.Length] : new double[scores.Length];
        return ValueAndGradient(scores, label, scratch);
    }

    public abstract double ValueAndGradient(ReadOnlySpan<double> scores, float label, Span<double> gradient);
}

/// <summary>Cross-entropy of softmax(scores): log Σ e^s − s_y; gradient p − onehot(y).</summary>
internal sealed class SoftmaxLoss : MulticlassLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("softmax", "cross-entropy of the softmax, the default", [], _ => new SoftmaxLoss()) { Tasks = [TaskKind.Multiclass] };

    public override string Name => "softmax";

    public override double ValueAndGradient(ReadOnlySpan<double> scores, float label, Span<double> gradient)
    {
        int y = (int)label;
        double logSum = LossMath.Softmax(scores, gradient);
        gradient[y] -= 1;
        return logSum - scores[y];
    }
}

/// <summary>
/// Crammer–Singer multiclass hinge: max(0, 1 + max_{j≠y} s_j − s_y). The subgradient is +1 at the
/// highest-scoring wrong class (the lowest index on ties) and −1 at the true class when the loss is positive.
/// </summary>
internal sealed class MulticlassHingeLoss : MulticlassLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("multiclass_hinge", "Crammer–Singer multiclass hinge", [], _ => new MulticlassHingeLoss()) { Tasks = [TaskKind.Multiclass] };

    public override string Name => "multiclass_hinge";

    public override double ValueAndGradient(ReadOnlySpan<double> scores, float label, Span<double> gradient)
    {
        int y = (int)label, worst = -1;
        for (int k = 0; k < scores.Length; k++)
        {
            gradient[k] = 0;
            if (k != y && (worst < 0 || scores[k] > scores[worst])) worst = k;
        }

        double loss = Math.Max(0, 1 + scores[worst] - scores[y]);
        if (loss > 0)
        {
            gradient[worst] = 1;
            gradient[y] = -1;
        }

        return loss;
    }
}

/// <summary>
/// Softmax focal loss −(1−p_y)^γ log p_y (no α). ∂/∂s_k = [γ(1−p_y)^(γ−1) p_y log p_y − (1−p_y)^γ]·(δ_yk − p_k);
/// γ = 0 gives the cross-entropy.
/// </summary>
internal sealed class SoftmaxFocalLoss(double gamma) : MulticlassLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("softmax_focal", "focal loss over the softmax", [FocalLoss.GammaParameter],
            p => new SoftmaxFocalLoss(FocalLoss.GammaParameter.ReadDouble(p))) { Tasks = [TaskKind.Multiclass] };

    public double Gamma { get; } = FocalLoss.GammaParameter.Require(gamma);

    public override string Name => "softmax_focal";

    public override double ValueAndGradient(ReadOnlySpan<double> scores, float label, Span<double> gradient)
    {
        int y = (int)label;
        double logSum = LossMath.Softmax(scores, gradient); // gradient now holds p
        double logPy = scores[y] - logSum, py = gradient[y], q = 1 - py;
        double qGamma = Gamma == 0 ? 1 : Math.Pow(q, Gamma);
        double dLogTerm = Gamma == 0 || q <= 0 ? 0 : Gamma * Math.Pow(q, Gamma - 1) * py * logPy;
        double factor = dLogTerm - qGamma; // ∂L/∂(log-odds-like) common factor
        for (int k = 0; k < scores.Length; k++)
            gradient[k] = factor * ((k == y ? 1 : 0) - gradient[k]);
        return -qGamma * logPy;
    }
}
