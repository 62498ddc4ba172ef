namespace Tuner.Trainers.Losses;

/// <summary>A loss of a single score (binary or regression).</summary>
internal abstract class ScalarLoss : ILoss
{
    public abstract string Name { get; }

    public abstract OutputLink Link { get; }

    /// <summary>Loss of one score against a label (binary 0/1, regression value).</summary>
    public abstract double Value(double score, double label);

    /// <summary>∂loss/∂score.</summary>
    public abstract double Derivative(double score, double label);

    /// <summary>Loss and derivative together; losses override it when both share work (one exp instead of two).</summary>
    public virtual double ValueAndDerivative(double score, double label, out double derivative)
    {
        derivative = Derivative(score, label);
        return Value(score, label);
    }

    public double Value(ReadOnlySpan<double> scores, float label) => Value(scores[0], label);

    public double ValueAndGradient(ReadOnlySpan<double> scores, float label, Span<double> gradient) =>
        ValueAndDerivative(scores[0], label, out gradient[0]);
}

/// <summary>
/// A binary loss that depends only on the margin z = y·score with y = ±1 (label 1 → +1, label 0 → −1).
/// </summary>
internal abstract class MarginLoss : ScalarLoss
{
    public override OutputLink Link => OutputLink.Sigmoid;

    /// <summary>True when the score is a log-odds (log loss); otherwise the model's probability is a Platt calibration of it.</summary>
    public virtual bool ScoreIsLogOdds => false;

    public abstract double MarginValue(double z);

    /// <summary>∂loss/∂z.</summary>
    public abstract double MarginDerivative(double z);

    public sealed override double Value(double score, double label) => MarginValue(Sign(label) * score);

    public sealed override double Derivative(double score, double label)
    {
        double y = Sign(label);
        return y * MarginDerivative(y * score);
    }

    public static double Sign(double label) => label > 0.5 ? 1 : -1;
}
