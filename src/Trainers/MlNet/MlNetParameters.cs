using Tuner.Trainers.Components;
using static Tuner.Trainers.MlNet.MlNetParameterNames;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// The parameters ML.NET trainers read from a search space, grouped by the trainers that read them. Without a
/// default of their own they keep ML.NET's.
/// </summary>
internal static class MlNetParameters
{
    private const string MlNetDefault = "ML.NET's";

    public static readonly ParameterInfo L1Strength = ParameterInfo.Float(L1, null, "L1 regularisation strength", min: 0).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo L2Strength = ParameterInfo.Float(L2, null, "L2 regularisation strength (linear_svm: its λ)", min: 0).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo Rate = ParameterInfo.Float(LearningRate, null, "learning rate (trees: shrinkage per round)", min: 0, minExclusive: true).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo IterationCount = ParameterInfo.Int(Iterations, null, "passes over the data (sdca, lbfgs: the most)", min: 1).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo TreeCount = ParameterInfo.Int(Trees, null, "trees (boosted: the most rounds a trial may grow)", min: 1).DefaultingTo($"{MlNetDefault}; boosted: {BoostedTreeTrainer.DefaultRounds}");
    public static readonly ParameterInfo LeafCount = ParameterInfo.Int(Leaves, null, "leaves per tree", min: 2).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo MinimumLeaf = ParameterInfo.Int(MinimumExamplesPerLeaf, null, "fewest training rows in a leaf", min: 1).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo Features = ParameterInfo.Float(FeatureFraction, null, "share of the features each tree may use", min: 0, max: 1, minExclusive: true).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo Bagging = ParameterInfo.Float(BaggingFraction, null, "share of the rows sampled afresh every round", min: 0, max: 1, minExclusive: true).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo SplitGain = ParameterInfo.Float(MinimumSplitGain, null, "smallest gain a split must bring", min: 0).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo ChildWeight = ParameterInfo.Float(MinimumChildWeight, null, "smallest hessian sum in a leaf", min: 0).DefaultingTo(MlNetDefault);
    public static readonly ParameterInfo Depth = ParameterInfo.Int(MaximumDepth, null, "deepest a tree may grow (0: no limit)", min: 0).DefaultingTo(MlNetDefault);

    public static IReadOnlyList<ParameterInfo> Linear { get; } = [L1Strength, L2Strength, IterationCount];

    /// <summary>The perceptron and online gradient descent.</summary>
    public static IReadOnlyList<ParameterInfo> Online { get; } = [Rate, L2Strength, IterationCount];

    public static IReadOnlyList<ParameterInfo> Svm { get; } = [L2Strength, IterationCount];

    public static IReadOnlyList<ParameterInfo> FastTree { get; } = [TreeCount, LeafCount, MinimumLeaf, Rate, Features, Bagging];

    public static IReadOnlyList<ParameterInfo> FastForest { get; } = [TreeCount, LeafCount, MinimumLeaf, Features];

    public static IReadOnlyList<ParameterInfo> LightGbm { get; } =
        [TreeCount, LeafCount, MinimumLeaf, Rate, Features, Bagging, SplitGain, ChildWeight, Depth, L1Strength, L2Strength];
}
