using Microsoft.ML;
using Tuner.Trainers.Data;
using Tuner.Trainers.Export;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Production;

/// <summary>
/// A trained model as an ML.NET transformer over the "Features" column, savable with MLContext.Model.Save.
/// ML.NET's own models are transformers already. Ours (whose ML.NET model classes cannot be built from
/// outside ML.NET) become an ONNX graph run by ApplyOnnxModel, whose bytes ML.NET stores inside the zip.
/// </summary>
public static class ModelTransformer
{
    public static ITransformer From(MLContext ml, ITrainedModel model, TaskKind task, IDataView featurized)
    {
        if (model is MlNetModel mlNet) return mlNet.Transformer;
        var features = featurized.Schema[FeaturizationPlan.FeaturesColumn];
        var featureCount = ((Microsoft.ML.Data.VectorDataViewType)features.Type).Size;
        var graph = Path.Combine(Path.GetTempPath(), $"tuner-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(graph, OnnxExporter.Export(model, featureCount));
            var fitted = ml.Transforms.CopyColumns(OnnxNames.Features, FeaturizationPlan.FeaturesColumn)
                .Append(ml.Transforms.ApplyOnnxModel([OnnxNames.PredictionFor(task)], [OnnxNames.Features], graph))
                .Fit(featurized);
            // ML.NET reads the graph file again when it saves the transformer; a round trip through memory
            // gives a transformer that owns its bytes, so the file can go now.
            using var stream = new MemoryStream();
            ml.Model.Save(fitted, featurized.Schema, stream);
            stream.Position = 0;
            return ml.Model.Load(stream, out _);
        }
        finally
        {
            File.Delete(graph);
        }
    }
}
