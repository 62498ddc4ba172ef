using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;
using static Tuner.Trainers.MlNet.MlNetParameterNames;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// The ML.NET trainers the tuner searches over. Every trainer runs single-threaded so that parallel trials
/// do not oversubscribe the cores and the same seed gives the same model. Each lists the parameters it reads
/// (<see cref="MlNetParameters"/>); unset ones keep ML.NET's defaults.
/// </summary>
internal static class MlNetCatalog
{
    private const string Label = MatrixDataView.LabelColumn;
    private const string Features = MatrixDataView.FeaturesColumn;

    public static readonly IReadOnlyList<MlNetTrainerSpec> All =
    [
        new("sdca_logistic", "sdca", TaskKind.Binary, MlNetParameters.Linear, (ml, p) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(
            new SdcaLogisticRegressionBinaryTrainer.Options { L1Regularization = OptionalFloat(p, L1), L2Regularization = OptionalFloat(p, L2), MaximumNumberOfIterations = OptionalInt(p, Iterations), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features })),
        new("lbfgs_logistic", "lbfgs", TaskKind.Binary, MlNetParameters.Linear, (ml, p) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { L1Regularization = Float(p, L1, 1), L2Regularization = Float(p, L2, 1), MaximumNumberOfIterations = p.GetInt(Iterations, int.MaxValue), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features })),
        new("fasttree", "fasttree", TaskKind.Binary, MlNetParameters.FastTree, (ml, p) => ml.BinaryClassification.Trainers.FastTree(Tree(new FastTreeBinaryTrainer.Options(), p)), Boosted: true),
        new("fastforest", "fastforest", TaskKind.Binary, MlNetParameters.FastForest, (ml, p) => ml.BinaryClassification.Trainers.FastForest(Forest(new FastForestBinaryTrainer.Options(), p)), Forest: true),
        new("lightgbm", "lightgbm", TaskKind.Binary, MlNetParameters.LightGbm, (ml, p) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            { NumberOfIterations = p.GetInt(Trees, BoostedTreeTrainer.DefaultRounds), NumberOfLeaves = OptionalInt(p, Leaves), MinimumExampleCountPerLeaf = OptionalInt(p, MinimumExamplesPerLeaf), LearningRate = OptionalDouble(p, LearningRate), Booster = Booster(p), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features }), Boosted: true),
        new("averaged_perceptron", "perceptron", TaskKind.Binary, MlNetParameters.Online, (ml, p) => ml.BinaryClassification.Trainers.AveragedPerceptron(
            new AveragedPerceptronTrainer.Options { LearningRate = Float(p, LearningRate, 1), L2Regularization = Float(p, L2, 0), NumberOfIterations = p.GetInt(Iterations, 1), LabelColumnName = Label, FeatureColumnName = Features })),
        new("linear_svm", "svm", TaskKind.Binary, MlNetParameters.Svm, (ml, p) => ml.BinaryClassification.Trainers.LinearSvm(
            new LinearSvmTrainer.Options { Lambda = Float(p, L2, 0.001f), NumberOfIterations = p.GetInt(Iterations, 1), LabelColumnName = Label, FeatureColumnName = Features })),

        new("sdca_maxent", "sdca", TaskKind.Multiclass, MlNetParameters.Linear, (ml, p) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { L1Regularization = OptionalFloat(p, L1), L2Regularization = OptionalFloat(p, L2), MaximumNumberOfIterations = OptionalInt(p, Iterations), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features })),
        new("lbfgs_maxent", "lbfgs", TaskKind.Multiclass, MlNetParameters.Linear, (ml, p) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { L1Regularization = Float(p, L1, 1), L2Regularization = Float(p, L2, 1), MaximumNumberOfIterations = p.GetInt(Iterations, int.MaxValue), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features })),
        // Softmax always: ML.NET otherwise picks one-versus-all sigmoids below 50,000 rows, a different model per data size.
        new("lightgbm_multi", "lightgbm", TaskKind.Multiclass, MlNetParameters.LightGbm, (ml, p) => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            { UseSoftmax = true, NumberOfIterations = p.GetInt(Trees, BoostedTreeTrainer.DefaultRounds), NumberOfLeaves = OptionalInt(p, Leaves), MinimumExampleCountPerLeaf = OptionalInt(p, MinimumExamplesPerLeaf), LearningRate = OptionalDouble(p, LearningRate), Booster = Booster(p), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features }), Boosted: true),
        new("fasttree_ova", "fasttree", TaskKind.Multiclass, MlNetParameters.FastTree, (ml, p) => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(Tree(new FastTreeBinaryTrainer.Options(), p)), Label, useProbabilities: true), Boosted: true),

        new("sdca_regression", "sdca", TaskKind.Regression, MlNetParameters.Linear, (ml, p) => ml.Regression.Trainers.Sdca(
            new SdcaRegressionTrainer.Options { L1Regularization = OptionalFloat(p, L1), L2Regularization = OptionalFloat(p, L2), MaximumNumberOfIterations = OptionalInt(p, Iterations), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features })),
        new("lbfgs_poisson", "lbfgs", TaskKind.Regression, MlNetParameters.Linear, (ml, p) => ml.Regression.Trainers.LbfgsPoissonRegression(
            new LbfgsPoissonRegressionTrainer.Options { L1Regularization = Float(p, L1, 1), L2Regularization = Float(p, L2, 1), MaximumNumberOfIterations = p.GetInt(Iterations, int.MaxValue), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features })),
        new("online_gd", "ogd", TaskKind.Regression, MlNetParameters.Online, (ml, p) => ml.Regression.Trainers.OnlineGradientDescent(
            new OnlineGradientDescentTrainer.Options { LearningRate = Float(p, LearningRate, 0.1f), L2Regularization = Float(p, L2, 0), NumberOfIterations = p.GetInt(Iterations, 1), LabelColumnName = Label, FeatureColumnName = Features })),
        new("fasttree_regression", "fasttree", TaskKind.Regression, MlNetParameters.FastTree, (ml, p) => ml.Regression.Trainers.FastTree(Tree(new FastTreeRegressionTrainer.Options(), p)), Boosted: true),
        new("fasttree_tweedie", "fasttree", TaskKind.Regression, MlNetParameters.FastTree, (ml, p) => ml.Regression.Trainers.FastTreeTweedie(Tree(new FastTreeTweedieTrainer.Options(), p)), Boosted: true),
        new("lightgbm_regression", "lightgbm", TaskKind.Regression, MlNetParameters.LightGbm, (ml, p) => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            { NumberOfIterations = p.GetInt(Trees, BoostedTreeTrainer.DefaultRounds), NumberOfLeaves = OptionalInt(p, Leaves), MinimumExampleCountPerLeaf = OptionalInt(p, MinimumExamplesPerLeaf), LearningRate = OptionalDouble(p, LearningRate), Booster = Booster(p), NumberOfThreads = 1, LabelColumnName = Label, FeatureColumnName = Features }), Boosted: true),
    ];

    public static MlNetTrainerSpec? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static TOptions Tree<TOptions>(TOptions options, HyperParameters p)
        where TOptions : BoostedTreeOptions
    {
        options.LearningRate = p.GetDouble(LearningRate, options.LearningRate);
        options.FeatureFraction = p.GetDouble(FeatureFraction, options.FeatureFraction);
        if (p.Has(BaggingFraction))
        {
            options.BaggingSize = 1; // a fresh row sample every round
            options.BaggingExampleFraction = p.GetDouble(BaggingFraction, options.BaggingExampleFraction);
        }

        return Common(options, p);
    }

    private static TOptions Forest<TOptions>(TOptions options, HyperParameters p)
        where TOptions : FastForestOptionsBase
    {
        options.FeatureFraction = p.GetDouble(FeatureFraction, options.FeatureFraction);
        return Common(options, p);
    }

    /// <summary>The shape every tree ensemble shares (trees, leaves, examples per leaf), single-threaded.</summary>
    private static TOptions Common<TOptions>(TOptions options, HyperParameters p)
        where TOptions : TreeOptions
    {
        options.NumberOfTrees = p.GetInt(Trees, options.NumberOfTrees);
        options.NumberOfLeaves = p.GetInt(Leaves, options.NumberOfLeaves);
        options.MinimumExampleCountPerLeaf = p.GetInt(MinimumExamplesPerLeaf, options.MinimumExampleCountPerLeaf);
        options.NumberOfThreads = 1;
        options.LabelColumnName = Label;
        options.FeatureColumnName = Features;
        return options;
    }

    private static GradientBooster.Options Booster(HyperParameters p)
    {
        var options = new GradientBooster.Options { L1Regularization = p.GetDouble(L1, 0), L2Regularization = p.GetDouble(L2, 0.01) };
        options.FeatureFraction = p.GetDouble(FeatureFraction, options.FeatureFraction);
        options.MinimumSplitGain = p.GetDouble(MinimumSplitGain, options.MinimumSplitGain);
        options.MinimumChildWeight = p.GetDouble(MinimumChildWeight, options.MinimumChildWeight);
        options.MaximumTreeDepth = p.GetInt(MaximumDepth, options.MaximumTreeDepth);
        if (p.Has(BaggingFraction))
        {
            options.SubsampleFrequency = 1; // a fresh row sample every round
            options.SubsampleFraction = p.GetDouble(BaggingFraction, options.SubsampleFraction);
        }

        return options;
    }

    private static float Float(HyperParameters p, string name, float defaultValue) => (float)p.GetDouble(name, defaultValue);

    private static float? OptionalFloat(HyperParameters p, string name) => p.Has(name) ? (float)p.GetDouble(name, 0) : null;

    private static double? OptionalDouble(HyperParameters p, string name) => p.Has(name) ? p.GetDouble(name, 0) : null;

    private static int? OptionalInt(HyperParameters p, string name) => p.Has(name) ? p.GetInt(name, 0) : null;
}
