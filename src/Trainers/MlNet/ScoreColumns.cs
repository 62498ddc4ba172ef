using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.MlNet;

/// <summary>Reads a scored ML.NET view's output columns (Probability, Score) into plain arrays.</summary>
public static class ScoreColumns
{
    /// <summary>A scored view's predictions: binary Probability, multiclass the Score vector, regression Score.</summary>
    public static Predictions Read(IDataView scored, TaskKind task, int rows, int classCount) => task switch
    {
        TaskKind.Binary => new Predictions(task, ReadScalar(scored, "Probability", rows), 1),
        TaskKind.Multiclass => new Predictions(task, ReadVector(scored, "Score", rows, classCount), classCount),
        _ => new Predictions(task, ReadScalar(scored, "Score", rows), 1),
    };

    /// <summary>
    /// The predictions of a whole tuned pipeline (model.zip): ML.NET's columns, or for our own models the ONNX
    /// graph's prediction output (<see cref="Export.OnnxNames.PredictionFor"/>).
    /// </summary>
    public static Predictions ReadPipeline(IDataView scored, TaskKind task, int rows, int classCount, bool onnx)
    {
        if (!onnx) return Read(scored, task, rows, classCount);
        var width = task == TaskKind.Multiclass ? classCount : 1;
        return new Predictions(task, ReadVector(scored, Export.OnnxNames.PredictionFor(task), rows, width), width);
    }

    public static double[] ReadScalar(IDataView view, string name, int rows)
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

    public static double[] ReadVector(IDataView view, string name, int rows, int width)
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
