using Microsoft.ML;
using Tuner.Data;
using Tuner.Trainers.Data;
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
internal static class ModelExporter
{
    public static bool CanExport(string trainer) => TrainerRegistry.IsKnown(trainer);

    /// <param name="trained">The winning trial's own model of the first fold, when this process still holds it (<see cref="Study.WinnerModel"/>): the same fit, not made again.</param>
    public static void Save(StudyData data, TunedSettings settings, string path, ITrainedModel? trained = null)
    {
        var ml = new MLContext(settings.Seed);
        var fold = data.Folds[0];
        // The first fold's featurizer and matrices are what settings.CreatePipeline(ml, validation rows).Fit(training
        // rows) would build: the same plan fitted on the same rows in the same seeded order (the parity suite checks it).
        var featurized = fold.Featurizer.Transform(TableDataView.Over(data.Data, fold.TrainingRows));
        var model = TunedPipelineEstimator.Train(ml, settings, fold.Featurizer, featurized, fold.Training, fold.Validation, trained);
        ml.Model.Save(model, TableDataView.AllRows(data.Data).Schema, path);
        new ModelLabels(settings.Task.ToString().ToLowerInvariant(), settings.Label, settings.Classes, settings.Trainer, settings.Featurization,
            Onnx: MlNetCatalog.Find(settings.Trainer) is null).AddTo(path);
    }

    /// <summary>Writes model.zip and Consumption.cs when the winner's trainer can be saved; says what it did.</summary>
    public static (string Message, IReadOnlyList<string> Files) Export(StudyData prepared, TunedSettings settings, string outDirectory, ITrainedModel? trained = null)
    {
        if (!CanExport(settings.Trainer))
            return ($"No model.zip: trainer '{settings.Trainer}' cannot be exported.", []);
        var model = Path.Combine(outDirectory, "model.zip");
        Save(prepared, settings, model, trained);
        new MLContext().Model.Load(model, out var schema);
        var header = CsvReader.ReadHeader(prepared.Data.Path);
        var consumption = Path.Combine(outDirectory, "Consumption.cs");
        var labels = ModelLabels.ReadFrom(model)!;
        File.WriteAllText(consumption, ConsumptionCode.Generate(schema, labels, header));
        var form = labels.Onnx ? "as an ONNX graph inside the ML.NET pipeline" : "in ML.NET's format";
        return ($"Wrote model.zip (featurization + {settings.Trainer} {form}) and Consumption.cs to {outDirectory}.", [model, consumption]);
    }
}
