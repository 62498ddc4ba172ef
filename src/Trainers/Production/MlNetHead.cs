using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Production;

/// <summary>
/// The last step of our own models inside model.zip: ML.NET's own prediction transformers over the raw scores
/// the ONNX graph computes, so an sgd or mlp winner has exactly the output columns of ML.NET's trainers (binary
/// scalar Score, Probability and PredictedLabel; multiclass Score with the class names as slot names and
/// PredictedLabel as the class name; regression scalar Score in the label's units) and ML.NET's evaluators read
/// them. ML.NET 5 cannot read a scalar ONNX output, and it keeps the constructors of its linear model classes
/// internal, so they are built here by reflection (at export only: the saved model is plain ML.NET). Each head is
/// the identity on the raw scores: weight 1 per score, then ML.NET's own link (sigmoid through a fixed Platt
/// calibrator with the model's calibration, softmax, exp for Poisson) and the regression target scale.
/// </summary>
internal static class MlNetHead
{
    /// <summary>ML.NET's scored columns.</summary>
    public const string Score = "Score", PredictedLabel = "PredictedLabel";

    private const string LabelColumn = "__label";

    public static ITransformer Fit(MLContext ml, IDataView scores, string scoreColumn, TaskKind task, IScoringModel model, double targetScale, IReadOnlyList<string> classes)
    {
        var env = (IHostEnvironment)ml;
        var width = model.OutputWidth;
        switch (task)
        {
            case TaskKind.Binary:
            {
                var parameters = Create<LinearBinaryModelParameters>([env, Vector([1f]), 0f, null]);
                var scorer = Create<BinaryPredictionTransformer<LinearBinaryModelParameters>>([env, parameters, scores.Schema, scoreColumn, 0f, Score]);
                var calibration = model.Calibration;
                var probability = ml.BinaryClassification.Calibrators.Platt(calibration.A, calibration.B).Fit(scorer.Transform(scores));
                return new TransformerChain<ITransformer>(scorer, probability);
            }
            case TaskKind.Multiclass:
            {
                var identity = Enumerable.Range(0, width).Select(k => Vector(Enumerable.Range(0, width).Select(j => j == k ? 1f : 0f).ToArray())).ToArray();
                var parameters = Create<MaximumEntropyModelParameters>([env, identity, new float[width], width, width, classes.ToArray(), null]);
                var schema = WithLabel(scores.Schema, classes);
                var scorer = Create<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>([env, parameters, schema, scoreColumn, LabelColumn, Score, PredictedLabel]);
                var names = ml.Transforms.Conversion.MapKeyToValue(PredictedLabel).Fit(scorer.Transform(scores));
                return new TransformerChain<ITransformer>(scorer, names);
            }
            default:
            {
                // value = scale·s, or for Poisson scale·exp(s) = exp(s + ln scale)
                ITransformer scorer = model.Link == OutputLink.Exp
                    ? Create<RegressionPredictionTransformer<PoissonRegressionModelParameters>>(
                        [env, Create<PoissonRegressionModelParameters>([env, Vector([1f]), (float)Math.Log(targetScale)]), scores.Schema, scoreColumn])
                    : Create<RegressionPredictionTransformer<LinearRegressionModelParameters>>(
                        [env, Create<LinearRegressionModelParameters>([env, Vector([(float)targetScale]), 0f]), scores.Schema, scoreColumn]);
                return scorer;
            }
        }
    }

    private static VBuffer<float> Vector(float[] values) => new(values.Length, values);

    /// <summary>The scores' schema plus a key-typed label whose key values are the class names (the scorer's slot names).</summary>
    private static DataViewSchema WithLabel(DataViewSchema schema, IReadOnlyList<string> classes)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(schema.Where(c => !c.IsHidden));
        builder.AddColumn(LabelColumn, new KeyDataViewType(typeof(uint), classes.Count), MatrixDataView.KeyValues(classes));
        return builder.ToSchema();
    }

    /// <summary>Calls the internal constructor of <typeparamref name="T"/> that takes exactly these arguments (nulls for optional ones).</summary>
    private static T Create<T>(object?[] arguments)
    {
        foreach (var constructor in typeof(T).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length != arguments.Length) continue;
            var fits = parameters.Zip(arguments).All(p => p.Second is null
                ? !p.First.ParameterType.IsValueType
                : (p.First.ParameterType.IsByRef ? p.First.ParameterType.GetElementType()! : p.First.ParameterType).IsInstanceOfType(p.Second));
            if (fits) return (T)constructor.Invoke(arguments);
        }

        throw new MissingMethodException($"ML.NET's {typeof(T).Name} has no constructor for these arguments; this ML.NET version is not supported.");
    }
}
