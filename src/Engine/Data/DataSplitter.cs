using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>Seeded holdout splits and k folds, stratified by class for classification.</summary>
internal static class DataSplitter
{
    public const double ValidationFraction = 0.2;

    public static (int[] Train, int[] Validation) Holdout(ReadOnlySpan<float> labels, TaskKind task, int seed)
    {
        var train = new List<int>();
        var validation = new List<int>();
        foreach (var group in Strata(labels, task, seed))
        {
            var take = (int)Math.Round(group.Count * ValidationFraction);
            if (take == 0 && group.Count >= 2) take = 1; // rare classes still appear in validation
            validation.AddRange(group.Take(take));
            train.AddRange(group.Skip(take));
        }

        train.Sort();
        validation.Sort();
        return (train.ToArray(), validation.ToArray());
    }

    public static IReadOnlyList<(int[] Train, int[] Validation)> Folds(ReadOnlySpan<float> labels, TaskKind task, int k, int seed)
    {
        var assignment = new int[labels.Length];
        var next = 0;
        foreach (var group in Strata(labels, task, seed))
            foreach (var row in group)
                assignment[row] = next++ % k; // round-robin keeps every class spread evenly over folds

        var rows = Enumerable.Range(0, labels.Length).ToArray();
        return Enumerable.Range(0, k)
            .Select(f => (rows.Where(r => assignment[r] != f).ToArray(), rows.Where(r => assignment[r] == f).ToArray()))
            .ToList();
    }

    private static List<List<int>> Strata(ReadOnlySpan<float> labels, TaskKind task, int seed)
    {
        var random = new Random(seed);
        var groups = new SortedDictionary<float, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            var key = task == TaskKind.Regression ? 0f : labels[i];
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(i);
        }

        var result = groups.Values.ToList();
        foreach (var group in result)
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            group.Clear();
            group.AddRange(shuffled);
        }

        return result;
    }
}
