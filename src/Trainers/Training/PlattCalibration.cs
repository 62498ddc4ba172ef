using Tuner.Trainers.Losses;

namespace Tuner.Trainers.Training;

/// <summary>
/// A binary model's map from score to probability, P = 1/(1+exp(A·s+B)). <see cref="Identity"/> (A = −1, B = 0)
/// is the sigmoid, right for losses whose score is a log-odds. <see cref="Fit"/> is Platt's (2000) method with
/// his target smoothing, solved by Newton's method with backtracking (Lin, Lin and Weng 2007), as ML.NET
/// calibrates its uncalibrated binary trainers.
/// </summary>
internal sealed record PlattCalibration(double A, double B)
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10, Sigma = 1e-12, GradientTolerance = 1e-5;

    public static PlattCalibration Identity { get; } = new(-1, 0);

    public bool IsIdentity => A == -1 && B == 0;

    public double Probability(double score) => LossMath.Sigmoid(-(A * score + B));

    /// <summary>Whether a binary loss's scores need a fitted calibration: the hinge family's margins are no log-odds.</summary>
    public static bool Needed(ILoss loss) => loss is MarginLoss { ScoreIsLogOdds: false };

    /// <summary>
    /// The maximum-likelihood A, B for the scores against 0/1 labels, with targets (N₊+1)/(N₊+2) and 1/(N₋+2).
    /// Non-finite scores, or a single class, give <see cref="Identity"/>.
    /// </summary>
    public static PlattCalibration Fit(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels)
    {
        if (scores.Length != labels.Length) throw new ArgumentException($"{scores.Length} scores for {labels.Length} labels.");
        double positives = 0, negatives = 0;
        foreach (var score in scores)
            if (!double.IsFinite(score)) return Identity;
        foreach (var label in labels)
            if (label > 0.5f) positives++; else negatives++;
        if (positives == 0 || negatives == 0) return Identity;

        double high = (positives + 1) / (positives + 2), low = 1 / (negatives + 2);
        var targets = new double[labels.Length];
        for (int i = 0; i < targets.Length; i++) targets[i] = labels[i] > 0.5f ? high : low;
        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        double value = Objective(scores, targets, a, b);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double h11 = Sigma, h22 = Sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < scores.Length; i++)
            {
                double p = Predicted(scores[i], a, b), q = 1 - p;
                double d2 = p * q, d1 = targets[i] - p;
                h11 += scores[i] * scores[i] * d2;
                h22 += d2;
                h21 += scores[i] * d2;
                g1 += scores[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < GradientTolerance && Math.Abs(g2) < GradientTolerance) break;
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det, db = -(-h21 * g1 + h11 * g2) / det;
            double descent = g1 * da + g2 * db;
            double step = 1;
            for (; step >= MinStep; step /= 2)
            {
                double newA = a + step * da, newB = b + step * db, newValue = Objective(scores, targets, newA, newB);
                if (newValue < value + 1e-4 * step * descent)
                {
                    (a, b, value) = (newA, newB, newValue);
                    break;
                }
            }

            if (step < MinStep) break; // the line search found no decrease: as close as it gets
        }

        return new PlattCalibration(a, b);
    }

    /// <summary>P(label 1) = 1/(1+exp(a·s+b)) in the stable form for either sign of a·s+b.</summary>
    private static double Predicted(double score, double a, double b)
    {
        double f = a * score + b;
        return f >= 0 ? Math.Exp(-f) / (1 + Math.Exp(-f)) : 1 / (1 + Math.Exp(f));
    }

    /// <summary>The cross-entropy of the targets, Σ t·f + log(1+e^(−f)) written without overflow.</summary>
    private static double Objective(ReadOnlySpan<double> scores, double[] targets, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double f = a * scores[i] + b;
            sum += f >= 0 ? targets[i] * f + Math.Log(1 + Math.Exp(-f)) : (targets[i] - 1) * f + Math.Log(1 + Math.Exp(f));
        }

        return sum;
    }
}
