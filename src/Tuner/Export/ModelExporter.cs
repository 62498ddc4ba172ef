using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Data;
using Tuner.Study;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Export;

/// <summary>
/// Writes model.zip: the fitted featurization followed by the trial's model, in ML.NET's own format, so a
/// plain ML.NET application loads it with MLContext.Model.Load and scores raw rows. The trial is trained
/// again on the first fold with its own seed, which gives the same model the study measured.
/// </summary>
public static class ModelExporter
{
    public static bool CanExport(string trainer) => MlNetCatalog.Find(trainer) is not null;

    public static ITrainedModel Retrain(StudyData data, TrialRecord trial, StudyConfig config)
    {
        var fold = data.Folds[0];
        var seed = config.Seed + trial.Number;
        var parameters = TrialExecutor.WithSeed(trial.Parameters, seed);
        var outcome = TrainerRegistry.Create(trial.Trainer, seed)
            .Train(fold.Training, fold.Validation, parameters, config.Metric, _ => true, CancellationToken.None);
        return outcome.Model;
    }

    public static void Save(StudyData data, TrialRecord trial, StudyConfig config, string path)
    {
        if (Retrain(data, trial, config) is not MlNetModel model)
            throw new NotSupportedException($"Trainer '{trial.Trainer}' cannot be saved as an ML.NET model.zip yet.");
        var pipeline = new TransformerChain<ITransformer>(data.Folds[0].Featurizer, model.Transformer);
        var ml = new MLContext(config.Seed);
        ml.Model.Save(pipeline, TableDataView.AllRows(data.Data).Schema, path);
        new ModelLabels(config.Task, config.Label, config.Classes, trial.Trainer).AddTo(path);
    }
}
