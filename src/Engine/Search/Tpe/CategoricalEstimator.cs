namespace Tuner.Search.Tpe;

/// <summary>
/// A mixture over the choices with one kernel per observation plus a uniform prior of weight w (Optuna's
/// form): an observation's kernel puts 1 + w/(n+1) on its own choice and w/(n+1) on each other one, so a
/// choice that no good trial used keeps a real chance, and more so while there are few observations.
/// </summary>
internal sealed class CategoricalEstimator
{
    private readonly double[] probabilities;

    public CategoricalEstimator(IEnumerable<int> observedChoices, int choiceCount, double priorWeight)
        : this(Count(observedChoices, choiceCount), priorWeight)
    {
    }

    /// <param name="counts">How many observations took each choice.</param>
    public CategoricalEstimator(double[] counts, double priorWeight)
    {
        var choiceCount = counts.Length;
        var n = 0;
        foreach (var count in counts) n += (int)count;

        var spread = priorWeight / (n + 1);
        var kernelTotal = 1 + choiceCount * spread;
        probabilities = counts
            .Select(count => ((count + n * spread) / kernelTotal + priorWeight / choiceCount) / (n + priorWeight))
            .ToArray();
    }

    private static double[] Count(IEnumerable<int> observedChoices, int choiceCount)
    {
        var counts = new double[choiceCount];
        foreach (var c in observedChoices) counts[c]++;
        return counts;
    }

    public int Sample(Random random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative) return i;
        }

        return probabilities.Length - 1;
    }

    public double LogDensity(int choice) => Math.Log(probabilities[choice]);
}
