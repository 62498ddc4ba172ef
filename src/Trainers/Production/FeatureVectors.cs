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
    public static LabeledData ToLabeled(IDataView featurized, float[] labels, TaskKind task, int classCount, IReadOnlyList<string>? classNames = null) =>
        new(Materialize(featurized, labels.Length), labels, task, classCount, classNames);

    public static FeatureMatrix Materialize(IDataView featurized, int rows)
    {
        var column = featurized.Schema[FeaturizationPlan.FeaturesColumn];
        var matrix = FeatureMatrix.Allocate(rows, ((VectorDataViewType)column.Type).Size, out var writableRow);
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(writableRow(row));
            row++;
        }

        return matrix;
    }
}
