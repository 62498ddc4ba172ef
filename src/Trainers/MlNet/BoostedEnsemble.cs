using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// The trees of a fitted ML.NET boosting model (LightGBM, FastTree) in round order, one ensemble per class
/// for multiclass, with the map ML.NET applies to their sum: the binary Platt calibrator, the multiclass
/// softmax, or none. ML.NET offers no per-iteration callback, so a boosting run's learning curve is computed
/// here from the trained ensemble's staged predictions: the score after round r is the sum of the first r trees.
/// </summary>
internal sealed class BoostedEnsemble
{
    private readonly CompactTree[][] _trees; // [class][round]
    private readonly object[] _models;       // the ML.NET model parameters holding each class's trees
    private readonly TaskKind _task;
    private readonly PlattCalibration _calibration;
    private readonly int _width;

    private BoostedEnsemble(CompactTree[][] trees, object[] models, TaskKind task, PlattCalibration calibration, int width)
    {
        _trees = trees;
        _models = models;
        _task = task;
        _calibration = calibration;
        _width = width;
    }

    public int Rounds => _trees.Max(t => t.Length);

    /// <summary>The ensemble of a model fitted by a boosting trainer of <see cref="MlNetCatalog"/>.</summary>
    /// <param name="classCount">The study's classes; a multiclass booster has trees only up to the highest class its training rows hold.</param>
    public static BoostedEnsemble Read(ITransformer model, TaskKind task, int classCount)
    {
        var parameters = (model as ISingleFeaturePredictionTransformer<object>)?.Model
            ?? throw new InvalidOperationException($"{model.GetType().Name} is not a prediction transformer.");
        switch (task)
        {
            case TaskKind.Binary:
            {
                var sub = Property(parameters, "SubModel");
                var platt = Property(parameters, "Calibrator") as PlattCalibrator
                    ?? throw new InvalidOperationException("The boosted binary model has no Platt calibrator.");
                return new BoostedEnsemble([Trees(sub)], [sub], task, new PlattCalibration(platt.Slope, platt.Offset), 1);
            }
            case TaskKind.Multiclass:
            {
                // ML.NET keeps a one-versus-all model's per-class models internal; LightGBM's softmax reads their raw sums.
                var perClass = ((IEnumerable<object>)Property(parameters, "SubModelParameters", BindingFlags.NonPublic))
                    .Select(calibrated => Property(calibrated, "SubModel")).ToArray();
                return new BoostedEnsemble(perClass.Select(Trees).ToArray(), perClass, task, PlattCalibration.Identity, Math.Max(classCount, perClass.Length));
            }
            default:
                return new BoostedEnsemble([Trees(parameters)], [parameters], task, PlattCalibration.Identity, 1);
        }
    }

    /// <summary>Adds round <paramref name="round"/>'s trees (0-based) to each row's raw scores (one per class).</summary>
    public void AddRound(int round, FeatureMatrix features, double[] scores)
    {
        for (int c = 0; c < _trees.Length; c++)
        {
            if (round >= _trees[c].Length) continue; // a class absent from the training rows has no trees: its score stays 0
            var tree = _trees[c][round];
            for (int r = 0; r < features.Rows; r++)
                scores[r * _width + c] += tree.Output(features.Row(r));
        }
    }

    /// <summary>Raw scores before the first round; a class the booster never saw has none (probability 0).</summary>
    public double[] NewScores(int rows)
    {
        var scores = new double[rows * _width];
        if (_trees.Length < _width)
            for (int r = 0; r < rows; r++) scores.AsSpan(r * _width + _trees.Length, _width - _trees.Length).Fill(double.NegativeInfinity);
        return scores;
    }

    /// <summary>What the model predicts from these raw scores, as ML.NET's output would read.</summary>
    public Predictions Predictions(double[] scores) =>
        ScoredPredictions.From(_task, _task == TaskKind.Multiclass ? OutputLink.Softmax : OutputLink.Identity, _calibration, scores, _width);

    /// <summary>
    /// Keeps only the first <paramref name="rounds"/> rounds in the fitted model, as training that many would
    /// have given (boosting is sequential). ML.NET's own early stopping does this with the same internal call.
    /// </summary>
    public void Truncate(int rounds)
    {
        if (rounds >= Rounds) return;
        foreach (var model in _models.Where((_, c) => _trees[c].Length > rounds))
        {
            var ensemble = Property(model, "TrainedEnsemble", BindingFlags.NonPublic);
            var removeAfter = ensemble.GetType().GetMethod("RemoveAfter", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                ?? throw new MissingMethodException(ensemble.GetType().Name, "RemoveAfter");
            removeAfter.Invoke(ensemble, [rounds]);
        }

        for (int c = 0; c < _trees.Length; c++) _trees[c] = _trees[c][..Math.Min(rounds, _trees[c].Length)];
    }

    private static CompactTree[] Trees(object model) =>
        model is TreeEnsembleModelParametersBasedOnRegressionTree trees
            ? trees.TrainedTreeEnsemble.Trees.Select(t => new CompactTree(t)).ToArray()
            : throw new InvalidOperationException($"{model.GetType().Name} is not a tree ensemble.");

    private static object Property(object owner, string name, BindingFlags visibility = BindingFlags.Public)
    {
        for (var type = owner.GetType(); type is not null; type = type.BaseType)
            if (type.GetProperty(name, BindingFlags.Instance | BindingFlags.DeclaredOnly | visibility) is { } property)
                return property.GetValue(owner) ?? throw new InvalidOperationException($"{owner.GetType().Name}.{name} is null.");
        throw new MissingMemberException(owner.GetType().Name, name);
    }

    /// <summary>One regression tree as flat arrays, evaluated as ML.NET does: a value at or below the threshold goes left.</summary>
    private sealed class CompactTree
    {
        private readonly int[] _left, _right, _feature;
        private readonly float[] _threshold;
        private readonly int[]?[] _categorical;
        private readonly double[] _leaves;

        public CompactTree(RegressionTree tree)
        {
            _left = [.. tree.LeftChild];
            _right = [.. tree.RightChild];
            _feature = [.. tree.NumericalSplitFeatureIndexes];
            _threshold = [.. tree.NumericalSplitThresholds];
            _leaves = [.. tree.LeafValues];
            _categorical = tree.CategoricalSplitFlags.Select((flag, node) => flag ? tree.GetCategoricalSplitFeaturesAt(node).ToArray() : null).ToArray();
        }

        public double Output(ReadOnlySpan<float> row)
        {
            if (_leaves.Length == 1) return _leaves[0];
            int node = 0;
            while (node >= 0)
            {
                bool right = _categorical[node] is { } features ? AnyPositive(row, features) : !(row[_feature[node]] <= _threshold[node]);
                node = right ? _right[node] : _left[node];
            }

            return _leaves[~node];
        }

        private static bool AnyPositive(ReadOnlySpan<float> row, int[] features)
        {
            foreach (var f in features)
                if (row[f] > 0) return true;
            return false;
        }
    }
}
