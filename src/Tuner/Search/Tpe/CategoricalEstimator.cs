namespace Tuner.Search.Tpe;

/// <summary>
/// Smoothed frequencies of the observed choices: p(c) = (count(c) + w/K) / (n + w), with w the prior weight,
/// so an unseen choice keeps a non-zero probability.
/// </summary>
internal sealed class CategoricalEstimator
{
    private readonly double[] probabilities;

    public CategoricalEstimator(IEnumerable<int> observedChoices, int choiceCount, double priorWeight)
    {
        var counts = new double[choiceCount];
        var n = 0;
        foreach (var c in observedChoices)
        {
            counts[c]++;
            n++;
        }

        probabilities = counts.Select(count => (count + priorWeight / choiceCount) / (n + priorWeight)).ToArray();
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
