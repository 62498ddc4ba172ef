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
/// The trees of a fitted ML.NET tree ensemble in round order, one ensemble per class for multiclass, with the
/// map ML.NET applies to their sum: the binary Platt calibrator; for multiclass the softmax (LightGBM) or each
/// class's Platt probability normalised to sum to one (one-versus-all FastTree); exp for the Tweedie trees' log-mean;
/// or none. ML.NET offers
/// no per-iteration callback, so a learning curve over the trees is computed here from the trained ensemble's
/// staged predictions. For a boosting model (LightGBM, FastTree) the score after round r is the sum of the first
/// r trees; for a forest (FastForest), whose trees are independent, it is what a forest of those r trees would
/// score: their mean, on the full forest's scale (<see cref="StagedPredictions"/>).
/// </summary>
internal sealed class StagedEnsemble
{
    private readonly CompactTree[][] _trees; // [class][round]
    private readonly object[] _models;       // the ML.NET model parameters holding each class's trees
    private readonly TaskKind _task;
    private readonly PlattCalibration _calibration;
    private readonly int _width;
    private readonly bool _averaged;
    private readonly OutputLink _link;
    private readonly PlattCalibration[]? _classCalibrations; // one-versus-all with normalised probabilities

    private StagedEnsemble(CompactTree[][] trees, object[] models, TaskKind task, PlattCalibration calibration, int width,
        bool averaged = false, OutputLink link = OutputLink.Identity, PlattCalibration[]? classCalibrations = null)
    {
        _trees = trees;
        _models = models;
        _task = task;
        _calibration = calibration;
        _width = width;
        _averaged = averaged;
        _link = task == TaskKind.Multiclass ? OutputLink.Softmax : link;
        _classCalibrations = classCalibrations;
    }

    public int Rounds => _trees.Max(t => t.Length);

    /// <summary>The ensemble of a model fitted by a boosting trainer of <see cref="MlNetCatalog"/>.</summary>
    /// <param name="classCount">The study's classes; a multiclass booster has trees only up to the highest class its training rows hold.</param>
    public static StagedEnsemble Read(ITransformer model, TaskKind task, int classCount)
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
                return new StagedEnsemble([Trees(sub)], [sub], task, new PlattCalibration(platt.Slope, platt.Offset), 1);
            }
            case TaskKind.Multiclass:
            {
                // ML.NET keeps a one-versus-all model's per-class models internal. LightGBM's softmax reads their raw
                // sums; a one-versus-all of calibrated binary trees ("ImplDist") normalises their Platt probabilities.
                var calibrated = ((IEnumerable<object>)Property(parameters, "SubModelParameters", BindingFlags.NonPublic)).ToArray();
                var perClass = calibrated.Select(c => Property(c, "SubModel")).ToArray();
                var normalised = Field(parameters, "_impl").GetType().Name.StartsWith("ImplDist", StringComparison.Ordinal)
                    ? calibrated.Select(c => Property(c, "Calibrator") is PlattCalibrator p ? new PlattCalibration(p.Slope, p.Offset)
                        : throw new InvalidOperationException("A one-versus-all class model has no Platt calibrator.")).ToArray()
                    : null;
                return new StagedEnsemble(perClass.Select(Trees).ToArray(), perClass, task, PlattCalibration.Identity, Math.Max(classCount, perClass.Length),
                    classCalibrations: normalised);
            }
            default:
                return new StagedEnsemble([Trees(parameters)], [parameters], task, PlattCalibration.Identity, 1,
                    link: parameters is FastTreeTweedieModelParameters ? OutputLink.Exp : OutputLink.Identity);
        }
    }

    /// <summary>
    /// The trees of a binary FastForest as <see cref="MlNetTrainer.Fit"/> returns it: the forest (which scores the
    /// sum of its trees) followed by the Platt calibrator fitted on the training rows' scores.
    /// </summary>
    public static StagedEnsemble ReadForest(ITransformer model)
    {
        var chain = model as TransformerChain<ITransformer> ?? throw new InvalidOperationException($"{model.GetType().Name} is not a forest with its calibrator.");
        var forest = (chain.First() as ISingleFeaturePredictionTransformer<object>)?.Model
            ?? throw new InvalidOperationException("The forest's first transformer is not a prediction transformer.");
        var platt = (chain.Last() as ISingleFeaturePredictionTransformer<PlattCalibrator>)?.Model
            ?? throw new InvalidOperationException("The forest has no Platt calibrator.");
        return new StagedEnsemble([Trees(forest)], [forest], TaskKind.Binary, new PlattCalibration(platt.Slope, platt.Offset), 1, averaged: true);
    }

    /// <summary>
    /// What the model predicts from the raw scores after <see cref="RoundScores.Rounds"/> rounds, written into the scores'
    /// own buffer (valid until the next round): for a forest, the sums scaled to all its trees (the mean of the first trees
    /// times their full number), so that the forest's own calibrator reads them as it reads the full forest's.
    /// </summary>
    public Predictions StagedPredictions(RoundScores scores)
    {
        var raw = scores.Raw;
        if (_averaged && scores.Rounds < Rounds)
        {
            raw = scores.Scaled;
            double factor = (double)Rounds / scores.Rounds;
            for (int i = 0; i < raw.Length; i++) raw[i] = scores.Raw[i] * factor;
        }

        return _classCalibrations is { } calibrations
            ? NormalisedProbabilities(raw, calibrations, scores.Output)
            : ScoredPredictions.From(_task, _link, _calibration, raw, _width, scores.Output);
    }

    /// <summary>
    /// Adds the next round's trees to both sets of scores and returns the curve's point after it: training and validation
    /// loss and the validation metric of the staged predictions.
    /// </summary>
    public EpochRecord AddRound(RoundScores training, RoundScores validation, MetricInfo metric, double learningRate)
    {
        AddRound(training);
        AddRound(validation);
        var trainingLoss = Loss(training.Data, StagedPredictions(training));
        var validPredictions = StagedPredictions(validation);
        var validationLoss = Loss(validation.Data, validPredictions);
        var validationMetric = metric.Name == "logloss" && _task != TaskKind.Regression
            ? validationLoss
            : MetricCalculator.Compute(validation.Data.Labels, validPredictions, metric.Name);
        return new EpochRecord(validation.Rounds, trainingLoss, validationLoss, validationMetric, learningRate, double.NaN, double.NaN, []);
    }

    /// <summary>The per-row mean log-loss (classification) or squared error (regression): what the trees minimise.</summary>
    private static double Loss(LabeledData data, Predictions predictions)
    {
        if (data.Rows == 0) return double.NaN;
        if (data.Task != TaskKind.Regression) return MetricCalculator.Compute(data.Labels, predictions, "logloss");
        var rmse = MetricCalculator.Compute(data.Labels, predictions, "rmse");
        return rmse * rmse;
    }

    /// <summary>Raw scores before the first round for <paramref name="data"/>'s rows.</summary>
    public RoundScores NewScores(LabeledData data) => new(data, _width, _trees.Length);

    /// <summary>Adds round <see cref="RoundScores.Rounds"/>'s trees to each row's raw scores (one per class).</summary>
    private void AddRound(RoundScores scores)
    {
        var features = scores.Data.Features;
        var raw = scores.Raw;
        int round = scores.Rounds;
        for (int r = 0; r < features.Rows; r++)
        {
            var row = features.Row(r);
            var rowScores = raw.AsSpan(r * _width, _width);
            for (int c = 0; c < _trees.Length; c++)
                if (round < _trees[c].Length) // a class absent from the training rows has no trees: its score stays as it is
                    rowScores[c] += _trees[c][round].Output(row);
        }

        scores.Rounds++;
    }

    /// <summary>Each class's Platt probability, normalised to sum to one per row (ML.NET's one-versus-all with probabilities); a class without trees gets 0.</summary>
    private Predictions NormalisedProbabilities(double[] scores, PlattCalibration[] calibrations, double[] output)
    {
        Array.Clear(output);
        for (int r = 0; r < scores.Length / _width; r++)
        {
            var row = output.AsSpan(r * _width, _width);
            double sum = 0;
            for (int c = 0; c < calibrations.Length; c++) sum += row[c] = calibrations[c].Probability(scores[r * _width + c]);
            if (sum > 0)
                for (int c = 0; c < _width; c++) row[c] /= sum;
        }

        return new Predictions(TaskKind.Multiclass, output, _width);
    }

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

    private static CompactTree[] Trees(object model) => model switch
    {
        TreeEnsembleModelParametersBasedOnRegressionTree boosted => boosted.TrainedTreeEnsemble.Trees.Select(t => new CompactTree(t)).ToArray(),
        TreeEnsembleModelParametersBasedOnQuantileRegressionTree forest => forest.TrainedTreeEnsemble.Trees.Select(t => new CompactTree(t)).ToArray(),
        _ => throw new InvalidOperationException($"{model.GetType().Name} is not a tree ensemble."),
    };

    private static object Field(object owner, string name)
    {
        for (var type = owner.GetType(); type is not null; type = type.BaseType)
            if (type.GetField(name, BindingFlags.Instance | BindingFlags.DeclaredOnly | BindingFlags.NonPublic) is { } field)
                return field.GetValue(owner) ?? throw new InvalidOperationException($"{owner.GetType().Name}.{name} is null.");
        throw new MissingMemberException(owner.GetType().Name, name);
    }

    private static object Property(object owner, string name, BindingFlags visibility = BindingFlags.Public)
    {
        for (var type = owner.GetType(); type is not null; type = type.BaseType)
            if (type.GetProperty(name, BindingFlags.Instance | BindingFlags.DeclaredOnly | visibility) is { } property)
                return property.GetValue(owner) ?? throw new InvalidOperationException($"{owner.GetType().Name}.{name} is null.");
        throw new MissingMemberException(owner.GetType().Name, name);
    }
}
