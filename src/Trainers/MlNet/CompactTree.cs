using Microsoft.ML.Trainers.FastTree;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// One regression tree of an ML.NET ensemble, evaluated as ML.NET does: a value at or below the threshold goes left.
/// Each split is one 16-byte node, so following a row down the tree reads one cache line per level; staged
/// predictions walk every tree of an ensemble over every training and validation row.
/// </summary>
internal sealed class CompactTree
{
    private readonly Split[] _splits;
    private readonly double[] _leaves;
    private readonly int[]?[]? _categorical; // null when no split is categorical, as with the tuner's dense features

    public CompactTree(RegressionTreeBase tree)
    {
        var left = tree.LeftChild;
        var right = tree.RightChild;
        var feature = tree.NumericalSplitFeatureIndexes;
        var threshold = tree.NumericalSplitThresholds;
        _splits = new Split[left.Count];
        for (int node = 0; node < _splits.Length; node++) _splits[node] = new Split(feature[node], threshold[node], left[node], right[node]);
        _leaves = [.. tree.LeafValues];
        if (tree.CategoricalSplitFlags.Any(flag => flag))
            _categorical = tree.CategoricalSplitFlags.Select((flag, node) => flag ? tree.GetCategoricalSplitFeaturesAt(node).ToArray() : null).ToArray();
    }

    public double Output(ReadOnlySpan<float> row)
    {
        if (_leaves.Length == 1) return _leaves[0];
        if (_categorical is not null) return OutputWithCategoricalSplits(row);
        int node = 0;
        do
        {
            ref readonly var split = ref _splits[node];
            node = row[split.Feature] <= split.Threshold ? split.Left : split.Right;
        }
        while (node >= 0);
        return _leaves[~node];
    }

    private double OutputWithCategoricalSplits(ReadOnlySpan<float> row)
    {
        int node = 0;
        while (node >= 0)
        {
            var split = _splits[node];
            bool right = _categorical![node] is { } features ? AnyPositive(row, features) : !(row[split.Feature] <= split.Threshold);
            node = right ? split.Right : split.Left;
        }

        return _leaves[~node];
    }

    private static bool AnyPositive(ReadOnlySpan<float> row, int[] features)
    {
        foreach (var f in features)
            if (row[f] > 0) return true;
        return false;
    }

    private readonly record struct Split(int Feature, float Threshold, int Left, int Right);
}
