using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>Copies the "Features" column of a featurized view into a dense row-major matrix.</summary>
internal static class FeatureVectors
{
    /// <summary>
    /// The featurized rows as the trainers take them, with their encoded labels (one per row, in order) and,
    /// when given, the class names.
    /// </summary>
    public static LabeledData ToLabeled(IDataView featurized, float[] labels, TaskKind task, int classCount, IReadOnlyList<string>? classNames = null)
    {
        var values = Materialize(featurized, labels.Length, out var columns);
        return new LabeledData(new FeatureMatrix(values, labels.Length, columns), labels, task, classCount, classNames);
    }

    public static float[] Materialize(IDataView featurized, int rows, out int columns)
    {
        var column = featurized.Schema[FeaturizationPlan.FeaturesColumn];
        columns = ((VectorDataViewType)column.Type).Size;
        var values = new float[(long)rows * columns];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(values.AsSpan(row * columns, columns));
            row++;
        }

        return values;
    }
}
