namespace Tuner.Trainers.MlNet;

/// <summary>The hyper-parameter names that ML.NET trainers read from a search space.</summary>
internal static class MlNetParameterNames
{
    public const string L1 = "l1";
    public const string L2 = "l2";
    public const string LearningRate = "learning_rate";
    public const string Iterations = "iterations";
    public const string Trees = "trees";
    public const string Leaves = "leaves";
    public const string MinimumExamplesPerLeaf = "min_leaf";
    public const string FeatureFraction = "feature_fraction";
    public const string BaggingFraction = "bagging_fraction";
    public const string MinimumSplitGain = "min_split_gain";
    public const string MinimumChildWeight = "min_child_weight";
    public const string MaximumDepth = "max_depth";
}
