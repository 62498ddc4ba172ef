using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// ML.NET's FastForest run as a curve-reporting trainer: it grows the whole forest in one fit, then reports, for
/// each number of trees r, the training and validation loss and the validation metric of a forest of its first r
/// trees (<see cref="StagedEnsemble.StagedPredictions"/>), so the report shows where more trees stop helping. A
/// forest's trees are independent, so there is nothing to stop early and no stage to prune: the model keeps them all.
/// </summary>
internal sealed class ForestTreeTrainer(MlNetTrainerSpec spec, int seed) : IEpochTrainer
{
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
        var model = MlNetTrainer.Fit(spec, seed, training, parameters, cancellationToken);
        var ensemble = StagedEnsemble.ReadForest(model);
        var trainScores = ensemble.NewScores(training);
        var validScores = ensemble.NewScores(validation);
        var curve = new List<EpochRecord>();
        while (curve.Count < ensemble.Rounds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = ensemble.AddRound(trainScores, validScores, metric, double.NaN);
            curve.Add(record);
            onEpoch(record);
        }

        return new TrainingOutcome(TrainingStatus.Completed, null, curve, new MlNetModel(model, training.Task, training.ClassCount));
    }
}
