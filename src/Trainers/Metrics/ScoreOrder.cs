namespace Tuner.Trainers.Metrics;

/// <summary>
/// Rows in order of score, highest first (a NaN score counts as the highest), with the sorted keys (the negated
/// scores) by which the ranking areas find rows of equal score.
/// </summary>
internal static class ScoreOrder
{
    public static (int[] Order, double[] Keys) Descending(ReadOnlySpan<double> scores)
    {
        var order = new int[scores.Length];
        var keys = new double[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            order[i] = i;
            keys[i] = double.IsNaN(scores[i]) ? double.NegativeInfinity : -scores[i];
        }

        Array.Sort(keys, order);
        return (order, keys);
    }
}
