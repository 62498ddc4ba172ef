namespace Tuner.Trainers.Losses;

/// <summary>Numerically stable scalar helpers shared by the losses and links.</summary>
internal static class LossMath
{
    /// <summary>1/(1+exp(−x)) without overflow.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1 / (1 + Math.Exp(-x));
        double e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>log(1+exp(x)) without overflow.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    /// <summary>Writes softmax(scores) into probabilities (max-shifted) and returns log Σ exp(scores).</summary>
    public static double Softmax(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        foreach (var s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int k = 0; k < scores.Length; k++)
        {
            probabilities[k] = Math.Exp(scores[k] - max);
            sum += probabilities[k];
        }

        for (int k = 0; k < scores.Length; k++) probabilities[k] /= sum;
        return max + Math.Log(sum);
    }

    /// <summary>Applies a link to one row of raw scores.</summary>
    public static void ApplyLink(OutputLink link, ReadOnlySpan<double> scores, Span<double> output)
    {
        switch (link)
        {
            case OutputLink.Identity: output[0] = scores[0]; break;
            case OutputLink.Exp: output[0] = Math.Exp(scores[0]); break;
            case OutputLink.Sigmoid: output[0] = Sigmoid(scores[0]); break;
            default: Softmax(scores, output); break;
        }
    }
}
