using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Export;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Production;

/// <summary>
/// A trained model as an ML.NET transformer over the "Features" column, savable with MLContext.Model.Save, whose
/// output columns are ML.NET's for every trainer: binary Score, Probability and PredictedLabel (bool);
/// multiclass Score (the class probabilities) and PredictedLabel (the class name); regression Score.
/// ML.NET's own models are transformers already (a multiclass one maps its PredictedLabel key to the class
/// name). Ours run their layers as an ONNX graph (ApplyOnnxModel, whose bytes ML.NET stores inside the zip) up to
/// the raw scores, then ML.NET's own prediction transformers (<see cref="MlNetHead"/>) make the columns.
/// </summary>
internal static class ModelTransformer
{
    /// <param name="classes">The class names in index order (empty for regression).</param>
    public static ITransformer From(MLContext ml, ITrainedModel model, TaskKind task, IDataView featurized, IReadOnlyList<string> classes)
    {
        if (model is LabelRange.RangedModel ranged)
        {
            var unbounded = From(ml, ranged.Inner, task, featurized, classes);
            var bounds = ml.Transforms.Expression(MlNetHead.Score, BoundsExpression(ranged.Low, ranged.High), MlNetHead.Score)
                .Fit(unbounded.Transform(featurized));
            return new TransformerChain<ITransformer>(unbounded, bounds);
        }

        if (model is MlNetModel mlNet)
        {
            if (task != TaskKind.Multiclass) return mlNet.Transformer;
            var names = ml.Transforms.Conversion.MapKeyToValue(MlNetHead.PredictedLabel).Fit(mlNet.Transformer.Transform(featurized));
            return new TransformerChain<ITransformer>(mlNet.Transformer, names);
        }

        var features = featurized.Schema[FeaturizationPlan.FeaturesColumn];
        var featureCount = ((VectorDataViewType)features.Type).Size;
        var graph = Path.Combine(Path.GetTempPath(), $"tuner-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(graph, OnnxExporter.Export(model, featureCount));
            var layers = ml.Transforms.CopyColumns(OnnxNames.Features, FeaturizationPlan.FeaturesColumn)
                .Append(ml.Transforms.ApplyOnnxModel([OnnxNames.Score], [OnnxNames.Features], graph))
                .Fit(featurized);
            var scores = layers.Transform(featurized);
            var scale = model as TargetScaling.ScaledModel;
            var scoring = (IScoringModel)(scale?.Inner ?? model);
            var head = MlNetHead.Fit(ml, scores, OnnxNames.Score, task, scoring, scale?.Scale ?? 1, classes);
            var dropped = ml.Transforms.DropColumns(OnnxNames.Features, OnnxNames.Score).Fit(head.Transform(scores));
            var fitted = new TransformerChain<ITransformer>(layers, head, dropped);
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

    /// <summary>An ML.NET expression holding a score to [low, high] (NaN stays NaN, as Math.Clamp leaves it).</summary>
    private static string BoundsExpression(float low, float high) =>
        $"s => s < {FloatLiteral.Of(low)} ? {FloatLiteral.Of(low)} : s > {FloatLiteral.Of(high)} ? {FloatLiteral.Of(high)} : s";
}
