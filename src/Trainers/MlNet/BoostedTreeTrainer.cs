using Microsoft.ML;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;
using static Tuner.Trainers.MlNet.MlNetParameterNames;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// An ML.NET boosting trainer (LightGBM, FastTree) run as a curve-reporting trainer whose epochs are boosting
/// rounds. <c>trees</c> is the most rounds it may grow. It trains in stages of 27, 81, 243, … rounds (each stage a
/// fresh fit, since ML.NET cannot continue a booster; boosting is sequential and seeded, so a longer fit repeats
/// the shorter one's trees), and after each stage reports every new round's training and validation loss and
/// validation metric, computed from the ensemble's staged predictions (<see cref="StagedEnsemble"/>). So a pruner
/// judges rounds as it judges epochs, and only trials it lets through pay for more trees. Growing stops when the
/// validation metric has not improved for <see cref="Patience"/> rounds, or at <c>trees</c>; the model keeps the
/// rounds up to its best validation metric (early stopping chooses the tree count). Cancelled after some rounds were
/// reported (a time budget ran out while a later stage was fitted), it throws a <see cref="CutShortException"/> with the
/// model of the last stage and <c>trees</c> set to that stage's rounds, which fits the same stages and so trains that
/// model again.
/// </summary>
internal sealed class BoostedTreeTrainer(MlNetTrainerSpec spec, int seed) : IEpochTrainer
{
    public const int Patience = 50;
    public const int DefaultRounds = 100;
    /// <summary>The rounds of the first fit: stopping a run before them saves nothing, so pruners are asked from there.</summary>
    public const int FirstStage = 27;
    private const int StageGrowth = 3;

    public TrainingOutcome Train(
        LabeledData training,
        LabeledData validation,
        HyperParameters parameters,
        string rankingMetric,
        Func<EpochRecord, bool> onEpoch,
        CancellationToken cancellationToken)
    {
        var metric = MetricInfo.Find(training.Task, rankingMetric)
            ?? throw new ArgumentException($"Unknown {training.Task} metric '{rankingMetric}'.", nameof(rankingMetric));
        int maxRounds = Math.Max(1, parameters.GetInt(Trees, DefaultRounds));
        double learningRate = parameters.GetDouble(LearningRate, double.NaN);
        var curve = new List<EpochRecord>();
        int bestRound = 0;
        double bestMetric = double.NaN;
        ITransformer? model = null;
        StagedEnsemble? ensemble = null;
        RoundScores? trainScores = null, validScores = null;
        try
        {
            return Grow();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && curve.Count > 0 && curve.Count == ensemble?.Rounds)
        {
            // The stage being fitted is lost; the last fitted one was reported whole, so trees = its rounds fits the same stages again.
            ensemble!.Truncate(Math.Max(bestRound, 1));
            var kept = new TrainingOutcome(TrainingStatus.Completed, $"cut short after round {curve.Count}: kept {Math.Max(bestRound, 1)}", curve,
                new MlNetModel(model!, training.Task, training.ClassCount));
            throw new CutShortException(kept, new(Trees, (double)curve.Count), cancellationToken);
        }

        TrainingOutcome Grow()
        {
            foreach (var stage in Stages(maxRounds))
            {
                var fitted = MlNetTrainer.Fit(spec, seed, training, With(parameters, stage), cancellationToken);
                cancellationToken.ThrowIfCancellationRequested(); // a fit that ran on past a cancellation is not reported
                model = fitted;
                ensemble = StagedEnsemble.Read(model, training.Task, training.ClassCount);
                // The stage's first rounds repeat the last stage's trees: their scores are kept, and only new rounds are added.
                trainScores ??= ensemble.NewScores(training);
                validScores ??= ensemble.NewScores(validation);
                while (curve.Count < ensemble.Rounds)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var record = ensemble.AddRound(trainScores, validScores, metric, learningRate);
                    curve.Add(record);
                    if (metric.IsBetter(record.ValidationMetric, bestMetric)) (bestRound, bestMetric) = (record.Epoch, record.ValidationMetric);
                    if (!onEpoch(record))
                    {
                        ensemble.Truncate(Math.Max(bestRound, 1));
                        return new TrainingOutcome(TrainingStatus.Stopped, $"stopped by the observer after round {record.Epoch}", curve,
                            new MlNetModel(model, training.Task, training.ClassCount));
                    }
                }

                // The booster stops by itself when no split gains anything; or the metric stopped improving.
                if (ensemble.Rounds < stage || curve.Count - bestRound >= Patience) break;
            }

            ensemble!.Truncate(Math.Max(bestRound, 1));
            var message = bestRound < curve.Count ? $"early stopping: kept {bestRound} of {curve.Count} rounds" : null;
            return new TrainingOutcome(TrainingStatus.Completed, message, curve, new MlNetModel(model!, training.Task, training.ClassCount));
        }
    }

    /// <summary>The round counts each stage fits: 27·3^k while at most half of <paramref name="maxRounds"/>, then all of them.</summary>
    public static IEnumerable<int> Stages(int maxRounds)
    {
        for (long stage = FirstStage; stage * 2 <= maxRounds; stage *= StageGrowth) yield return (int)stage;
        yield return maxRounds;
    }

    private static HyperParameters With(HyperParameters parameters, int rounds) => new(parameters.Values.SetItem(Trees, rounds));
}
