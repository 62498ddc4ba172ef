using Microsoft.ML;
using Tuner.Data;
using Tuner.Study;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Production;
using Tuner.Trainers.Training;

namespace Tuner.Export;

/// <summary>
/// Writes model.zip: the fitted featurization followed by the trial's model, in ML.NET's own format, so a
/// plain ML.NET application loads it with MLContext.Model.Load and scores raw rows. The pipeline is the one
/// production code gets from best.json (<see cref="TunedSettings.CreatePipeline"/>), fitted on the first
/// fold's rows, which gives the same model the study measured.
/// </summary>
public static class ModelExporter
{
    public static bool CanExport(string trainer) => TrainerRegistry.IsKnown(trainer);

    /// <summary>The trial's model trained again by the tuner itself, on the first fold with its own seed.</summary>
    public static ITrainedModel Retrain(StudyData data, TrialRecord trial, StudyConfig config)
    {
        var fold = data.Folds[0];
        var seed = TrialExecutor.TrialSeed(config.Seed, trial);
        var outcome = TrainerRegistry.Create(trial.Trainer, seed)
            .Train(fold.Training, fold.Validation, trial.Parameters.WithSeed(seed), config.Metric, _ => true, CancellationToken.None);
        return outcome.Model;
    }

    public static void Save(StudyData data, TunedSettings settings, string path)
    {
        var ml = new MLContext(settings.Seed);
        var fold = data.Folds[0];
        var training = TableDataView.WithLabel(data.Data, fold.TrainingRows);
        var validation = TableDataView.WithLabel(data.ValidationData ?? data.Data, fold.ValidationRows);
        var model = settings.CreatePipeline(ml, validation).Fit(training);
        ml.Model.Save(model, TableDataView.AllRows(data.Data).Schema, path);
        new ModelLabels(settings.Task.ToString().ToLowerInvariant(), settings.Label, settings.Classes, settings.Trainer,
            Onnx: MlNetCatalog.Find(settings.Trainer) is null).AddTo(path);
    }
}
