using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Losses;

/// <summary>Logistic loss log(1+e^(−z)).</summary>
internal sealed class LogLoss : MarginLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("log", "logistic loss, the default", [], _ => new LogLoss()) { Tasks = [TaskKind.Binary] };

    public override string Name => "log";
    public override bool ScoreIsLogOdds => true;
    public override double MarginValue(double z) => LossMath.Softplus(-z);
    public override double MarginDerivative(double z) => -LossMath.Sigmoid(-z);

    /// <summary>With e = exp(−|z|): loss = max(−z, 0) + log(1+e), ∂/∂z = −σ(−z); one exp, one log.</summary>
    public override double ValueAndDerivative(double score, double label, out double derivative)
    {
        double y = Sign(label), z = y * score, e = Math.Exp(-Math.Abs(z));
        double sigmoidMinusZ = z > 0 ? e / (1 + e) : 1 / (1 + e);
        derivative = -y * sigmoidMinusZ;
        return Math.Max(-z, 0) + Math.Log(1 + e);
    }
}

/// <summary>max(0, 1−z); the subgradient at z = 1 is 0.</summary>
internal sealed class HingeLoss : MarginLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("hinge", "max(0, 1−z), a linear SVM's loss", [], _ => new HingeLoss()) { Tasks = [TaskKind.Binary] };

    public override string Name => "hinge";
    public override double MarginValue(double z) => Math.Max(0, 1 - z);
    public override double MarginDerivative(double z) => z < 1 ? -1 : 0;
}

/// <summary>max(0, 1−z)².</summary>
internal sealed class SquaredHingeLoss : MarginLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("squared_hinge", "max(0, 1−z)²", [], _ => new SquaredHingeLoss()) { Tasks = [TaskKind.Binary] };

    public override string Name => "squared_hinge";
    public override double MarginValue(double z) => z < 1 ? (1 - z) * (1 - z) : 0;
    public override double MarginDerivative(double z) => z < 1 ? -2 * (1 - z) : 0;
}

/// <summary>Modified Huber (Zhang 2004): max(0, 1−z)² for z ≥ −1, −4z below.</summary>
internal sealed class ModifiedHuberLoss : MarginLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("modified_huber", "squared hinge, linear below z = −1", [], _ => new ModifiedHuberLoss()) { Tasks = [TaskKind.Binary] };

    public override string Name => "modified_huber";
    public override double MarginValue(double z) => z >= -1 ? (z < 1 ? (1 - z) * (1 - z) : 0) : -4 * z;
    public override double MarginDerivative(double z) => z >= -1 ? (z < 1 ? -2 * (1 - z) : 0) : -4;
}

/// <summary>
/// Focal loss (Lin et al. 2017): −α_t (1−p_t)^γ log p_t with p = σ(s), p_t = p for label 1 and 1−p for
/// label 0, α_t = α for label 1 and 1−α for label 0. With α off (≤ 0) α_t = 1, so γ = 0 gives the log loss.
/// ∂/∂s = y·α_t (1−p_t)^γ (γ p_t log p_t − (1−p_t)), y = ±1.
/// </summary>
internal sealed class FocalLoss : ScalarLoss
{
    /// <summary>Shared with <see cref="SoftmaxFocalLoss"/>.</summary>
    public static readonly ParameterInfo GammaParameter =
        ParameterInfo.Float(ParameterNames.FocalGamma, 2.0, "focal, softmax_focal: how much easy rows are down-weighted (0: none)", min: 0);

    public static readonly ParameterInfo AlphaParameter =
        ParameterInfo.Float(ParameterNames.FocalAlpha, 0, "focal: weight of the positive class in (0,1); ≤ 0 turns it off", max: 1, maxExclusive: true);

    public static ComponentEntry<LossCreator> Entry { get; } =
        new("focal", "focal loss (Lin et al. 2017), for rare positives", [GammaParameter, AlphaParameter],
            p => new FocalLoss(GammaParameter.ReadDouble(p), AlphaParameter.ReadDouble(p))) { Tasks = [TaskKind.Binary] };

    public FocalLoss(double gamma, double alpha)
    {
        Gamma = GammaParameter.Require(gamma);
        Alpha = AlphaParameter.Require(alpha);
    }

    public double Gamma { get; }

    /// <summary>α in (0,1), or ≤ 0 when α-balancing is off.</summary>
    public double Alpha { get; }

    public override string Name => "focal";
    public override OutputLink Link => OutputLink.Sigmoid;

    public override double Value(double score, double label)
    {
        double y = MarginLoss.Sign(label), z = y * score;
        double logPt = -LossMath.Softplus(-z);
        double q = LossMath.Sigmoid(-z); // 1 − p_t
        return -AlphaT(y) * Pow(q, Gamma) * logPt;
    }

    public override double Derivative(double score, double label)
    {
        double y = MarginLoss.Sign(label), z = y * score;
        double pt = LossMath.Sigmoid(z), q = LossMath.Sigmoid(-z), logPt = -LossMath.Softplus(-z);
        return y * AlphaT(y) * Pow(q, Gamma) * (Gamma * pt * logPt - q);
    }

    private double AlphaT(double y) => Alpha <= 0 ? 1 : y > 0 ? Alpha : 1 - Alpha;

    private static double Pow(double x, double gamma) => gamma == 0 ? 1 : Math.Pow(x, gamma);
}
