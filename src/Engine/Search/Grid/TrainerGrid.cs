namespace Tuner.Search.Grid;

/// <summary>
/// The grid of one trainer, counted and indexed without being listed (the built-in sgd grid has billions of
/// points). Conditions make the parameters a forest: a child is expanded only under the parent values that
/// activate it, so no point holds an inactive parameter. A node's count is the sum over its values of the
/// product of its active children's counts; the trainer's count is the product over its root parameters.
/// </summary>
internal sealed class TrainerGrid
{
    private readonly IReadOnlyList<Node> roots;

    public TrainerGrid(TrainerSpace trainer, int steps)
    {
        Trainer = trainer.Trainer;
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var roots = new List<Node>();
        // Parents are declared before their children, so one pass in order attaches every child to its parent.
        foreach (var parameter in trainer.Parameters)
        {
            var node = new Node(parameter, GridValues.Of(parameter, steps));
            nodes[parameter.Name] = node;
            if (parameter.When is null) roots.Add(node);
            else if (nodes.TryGetValue(parameter.When.Parent, out var parent)) parent.Children.Add(node);
            // A child of an unknown parent is never active (as in TrainerSpace.Sample); the reader rejects such spaces anyway.
        }

        this.roots = roots;
        Count = checked(roots.Aggregate(1L, (product, root) => checked(product * root.Count)));
    }

    public string Trainer { get; }

    public long Count { get; }

    public Dictionary<string, object> Point(long index)
    {
        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        Decode(roots, index, chosen);
        return chosen;
    }

    /// <summary>Mixed-radix split of the index over independent subtrees.</summary>
    private static void Decode(IEnumerable<Node> nodes, long index, Dictionary<string, object> chosen)
    {
        foreach (var node in nodes)
        {
            node.Decode(index % node.Count, chosen);
            index /= node.Count;
        }
    }

    private sealed class Node(ParameterSpec spec, IReadOnlyList<object> values)
    {
        private long[]? valueCounts;
        private long? count;

        public ParameterSpec Spec { get; } = spec;

        public List<Node> Children { get; } = [];

        // Computed on first use, after the forest is complete.
        public long Count => count ??= ValueCounts.Aggregate(0L, (sum, c) => checked(sum + c));

        private long[] ValueCounts => valueCounts ??= values
            .Select(v => ActiveChildren(v).Aggregate(1L, (product, child) => checked(product * child.Count)))
            .ToArray();

        public void Decode(long index, Dictionary<string, object> chosen)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (index >= ValueCounts[i])
                {
                    index -= ValueCounts[i];
                    continue;
                }

                chosen[Spec.Name] = values[i];
                TrainerGrid.Decode(ActiveChildren(values[i]), index, chosen);
                return;
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }

        private IEnumerable<Node> ActiveChildren(object value)
        {
            var text = Condition.Format(value);
            return Children.Where(c => c.Spec.When!.Values.Contains(text));
        }
    }
}
