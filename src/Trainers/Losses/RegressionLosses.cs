using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Losses;

/// <summary>½(s−y)².</summary>
internal sealed class SquaredLoss : ScalarLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("squared", "½(s−y)², the default", [], _ => new SquaredLoss()) { Tasks = [TaskKind.Regression] };

    public override string Name => "squared";
    public override OutputLink Link => OutputLink.Identity;
    public override double Value(double score, double label) => 0.5 * (score - label) * (score - label);
    public override double Derivative(double score, double label) => score - label;
}

/// <summary>|s−y|; the derivative at 0 is taken as 0.</summary>
internal sealed class AbsoluteLoss : ScalarLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("absolute", "|s−y|, robust to outliers", [], _ => new AbsoluteLoss()) { Tasks = [TaskKind.Regression] };

    public override string Name => "absolute";
    public override OutputLink Link => OutputLink.Identity;
    public override double Value(double score, double label) => Math.Abs(score - label);
    public override double Derivative(double score, double label) => Math.Sign(score - label);
}

/// <summary>½r² for |r| ≤ δ, δ(|r| − ½δ) beyond (r = s−y).</summary>
internal sealed class HuberLoss(double delta) : ScalarLoss
{
    public static readonly ParameterInfo DeltaParameter =
        ParameterInfo.Float(ParameterNames.HuberDelta, 1.0, "huber: where the loss turns from squared to linear", min: 0, minExclusive: true);

    public static ComponentEntry<LossCreator> Entry { get; } =
        new("huber", "squared near 0, linear beyond δ", [DeltaParameter], p => new HuberLoss(DeltaParameter.ReadDouble(p))) { Tasks = [TaskKind.Regression] };

    public double Delta { get; } = DeltaParameter.Require(delta);
    public override string Name => "huber";
    public override OutputLink Link => OutputLink.Identity;

    public override double Value(double score, double label)
    {
        double r = Math.Abs(score - label);
        return r <= Delta ? 0.5 * r * r : Delta * (r - 0.5 * Delta);
    }

    public override double Derivative(double score, double label) => Math.Clamp(score - label, -Delta, Delta);
}

/// <summary>max(0, |s−y| − ε).</summary>
internal sealed class EpsilonInsensitiveLoss(double epsilon) : ScalarLoss
{
    public static readonly ParameterInfo EpsilonParameter =
        ParameterInfo.Float(ParameterNames.Epsilon, 0.1, "epsilon_insensitive: residuals this small cost nothing", min: 0);

    public static ComponentEntry<LossCreator> Entry { get; } =
        new("epsilon_insensitive", "max(0, |s−y| − ε), as in support vector regression", [EpsilonParameter],
            p => new EpsilonInsensitiveLoss(EpsilonParameter.ReadDouble(p))) { Tasks = [TaskKind.Regression] };

    public double Epsilon { get; } = EpsilonParameter.Require(epsilon);
    public override string Name => "epsilon_insensitive";
    public override OutputLink Link => OutputLink.Identity;
    public override double Value(double score, double label) => Math.Max(0, Math.Abs(score - label) - Epsilon);
    public override double Derivative(double score, double label) =>
        Math.Abs(score - label) > Epsilon ? Math.Sign(score - label) : 0;
}

/// <summary>log cosh(s−y), computed as |r| + log(1+e^(−2|r|)) − log 2; derivative tanh(r).</summary>
internal sealed class LogCoshLoss : ScalarLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("log_cosh", "log cosh(s−y): squared near 0, linear far out, smooth everywhere", [], _ => new LogCoshLoss()) { Tasks = [TaskKind.Regression] };

    public override string Name => "log_cosh";
    public override OutputLink Link => OutputLink.Identity;

    public override double Value(double score, double label)
    {
        double r = Math.Abs(score - label);
        return r + Math.Log(1 + Math.Exp(-2 * r)) - Math.Log(2);
    }

    public override double Derivative(double score, double label) => Math.Tanh(score - label);
}

/// <summary>
/// Poisson negative log-likelihood (without the log y! constant) with a log link: the score is log μ,
/// loss e^s − y·s, derivative e^s − y; predictions are e^s.
/// </summary>
internal sealed class PoissonLoss : ScalarLoss
{
    public static ComponentEntry<LossCreator> Entry { get; } =
        new("poisson", "Poisson deviance with a log link, for counts", [], _ => new PoissonLoss()) { Tasks = [TaskKind.Regression] };

    public override string Name => "poisson";
    public override OutputLink Link => OutputLink.Exp;
    public override double Value(double score, double label) => Math.Exp(score) - label * score;
    public override double Derivative(double score, double label) => Math.Exp(score) - label;
}
