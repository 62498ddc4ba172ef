using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Data;
using Tuner.Study;
using Tuner.Trainers.Export;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Export;

/// <summary>
/// Writes model.zip: the fitted featurization followed by the trial's model, in ML.NET's own format, so a
/// plain ML.NET application loads it with MLContext.Model.Load and scores raw rows. ML.NET's trainers save
/// themselves; our own models (whose ML.NET classes cannot be built from outside ML.NET) become an ONNX
/// graph run by ApplyOnnxModel, whose bytes ML.NET stores inside the zip. The trial is trained again on the
/// first fold with its own seed, which gives the same model the study measured.
/// </summary>
public static class ModelExporter
{
    public static bool CanExport(string trainer) => TrainerRegistry.IsKnown(trainer);

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
        var ml = new MLContext(config.Seed);
        var featurizer = data.Folds[0].Featurizer;
        var model = Retrain(data, trial, config);
        var input = TableDataView.AllRows(data.Data).Schema;
        if (model is MlNetModel mlNet)
        {
            ml.Model.Save(new TransformerChain<ITransformer>(featurizer, mlNet.Transformer), input, path);
        }
        else
        {
            // ML.NET reads the graph file again while saving (it copies the bytes into the zip), so it lives until then.
            var graph = Path.Combine(Path.GetTempPath(), $"tuner-{Guid.NewGuid():N}.onnx");
            try
            {
                File.WriteAllBytes(graph, OnnxExporter.Export(model, data.Folds[0].Training.Features.Columns));
                ml.Model.Save(OnnxPipeline(ml, data, featurizer, graph), input, path);
            }
            finally
            {
                File.Delete(graph);
            }
        }

        new ModelLabels(config.Task, config.Label, config.Classes, trial.Trainer, Onnx: model is not MlNetModel).AddTo(path);
    }

    private static ITransformer OnnxPipeline(MLContext ml, StudyData data, ITransformer featurizer, string graph)
    {
        var task = data.Folds[0].Training.Task;
        var estimator = ml.Transforms.CopyColumns(OnnxNames.Features, Featurizer.FeaturesColumn)
            .Append(ml.Transforms.ApplyOnnxModel([OnnxNames.PredictionFor(task)], [OnnxNames.Features], graph));
        var featurized = featurizer.Transform(new TableDataView(data.Data, [0]));
        return new TransformerChain<ITransformer>(featurizer, estimator.Fit(featurized));
    }
}
