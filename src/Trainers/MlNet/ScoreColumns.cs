using Microsoft.ML;
using Microsoft.ML.Data;

namespace Tuner.Trainers.MlNet;

/// <summary>Reads a scored ML.NET view's output columns (Probability, Score) into plain arrays.</summary>
public static class ScoreColumns
{
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
