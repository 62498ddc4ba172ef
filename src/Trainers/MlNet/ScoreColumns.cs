using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// Reads a scored ML.NET view's output columns into plain arrays. Every model, ML.NET's own and ours (ending in
/// ML.NET's prediction transformers, Production/MlNetHead), gives binary Score, Probability and PredictedLabel,
/// multiclass the Score vector of class probabilities, regression Score.
/// </summary>
internal static class ScoreColumns
{
    public static Predictions Read(IDataView scored, TaskKind task, int rows, int classCount) => task switch
    {
        TaskKind.Binary => ReadBinary(scored, rows),
        TaskKind.Multiclass => new Predictions(task, ReadVector(scored, "Score", rows, classCount), classCount),
        _ => new Predictions(task, ReadScalar(scored, "Score", rows), 1),
    };

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

    /// <summary>Score, Probability and PredictedLabel in one pass, so the model scores each row once.</summary>
    public static Predictions ReadBinary(IDataView scored, int rows)
    {
        DataViewSchema.Column score = scored.Schema["Score"], probability = scored.Schema["Probability"], label = scored.Schema["PredictedLabel"];
        var (scores, probabilities, labels) = (new double[rows], new double[rows], new bool[rows]);
        using var cursor = scored.GetRowCursor([score, probability, label]);
        var (scoreGetter, probabilityGetter, labelGetter) =
            (cursor.GetGetter<float>(score), cursor.GetGetter<float>(probability), cursor.GetGetter<bool>(label));
        float s = 0, p = 0;
        bool predicted = false;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            scoreGetter(ref s);
            probabilityGetter(ref p);
            labelGetter(ref predicted);
            (scores[i], probabilities[i], labels[i]) = (s, p, predicted);
        }

        return Predictions.Binary(scores, probabilities, labels);
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
