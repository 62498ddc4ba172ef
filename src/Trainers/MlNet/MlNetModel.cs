using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.MlNet;

/// <summary>A fitted ML.NET model over the "Features" column, read back into <see cref="Predictions"/>.</summary>
public sealed class MlNetModel(ITransformer transformer, TaskKind task, int classCount) : ITrainedModel
{
    public ITransformer Transformer { get; } = transformer;

    public Predictions Predict(FeatureMatrix features)
    {
        var labels = new float[features.Rows]; // the label column is not read when scoring
        var input = new MatrixDataView(new LabeledData(features, labels, task, task == TaskKind.Binary ? 2 : classCount));
        var scored = Transformer.Transform(input);
        return task switch
        {
            TaskKind.Binary => new Predictions(task, ReadScalar(scored, "Probability", features.Rows), 1),
            TaskKind.Multiclass => new Predictions(task, ReadVector(scored, "Score", features.Rows, classCount), classCount),
            _ => new Predictions(task, ReadScalar(scored, "Score", features.Rows), 1),
        };
    }

    private static double[] ReadScalar(IDataView view, string name, int rows)
    {
        var column = view.Schema[name];
        var result = new double[rows];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        float value = 0;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            getter(ref value);
            result[i] = value;
        }

        return result;
    }

    private static double[] ReadVector(IDataView view, string name, int rows, int width)
    {
        var column = view.Schema[name];
        var result = new double[rows * width];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var dense = new float[width];
        for (var i = 0; cursor.MoveNext(); i++)
        {
            getter(ref buffer);
            buffer.CopyTo(dense);
            for (var c = 0; c < width; c++) result[i * width + c] = dense[c];
        }

        return result;
    }
}
