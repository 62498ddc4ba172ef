using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>Copies the "Features" column of rows featurized by ML.NET into a dense row-major matrix.</summary>
internal static class FeatureVectors
{
    /// <summary>Below this many rows a share is not worth a thread of its own.</summary>
    private const int MinimumShare = 20_000;

    /// <summary>
    /// <paramref name="rows"/> of <paramref name="columns"/>, featurized, as the trainers take them, with their
    /// encoded labels (one per row, in order) and, when given, the class names.
    /// </summary>
    public static LabeledData ToLabeled(FittedFeaturization featurizer, IReadOnlyList<TableColumn> columns, int[] rows, float[] labels, TaskKind task, int classCount, IReadOnlyList<string>? classNames = null) =>
        new(featurizer.Materialize(columns, rows), labels, task, classCount, classNames);

    /// <summary>
    /// The rows cut into one contiguous share per core, each share read through the fitted featurizer on its
    /// own thread (fitted transforms are read-only; each view gets its own cursors) into its own rows of the
    /// matrix. ML.NET's transforms run a view's rows on one thread, and they are most of the ingestion time.
    /// </summary>
    public static FeatureMatrix Materialize(ITransformer featurizer, IReadOnlyList<TableColumn> columns, int[] rows)
    {
        var schema = featurizer.GetOutputSchema(new ColumnarDataView(columns, []).Schema);
        var matrix = FeatureMatrix.Allocate(rows.Length, ((VectorDataViewType)schema[FeaturizationPlan.FeaturesColumn].Type).Size, out var writableRow);
        InShares(rows.Length, (start, end) => Copy(featurizer.Transform(new ColumnarDataView(columns, rows[start..end])), start, writableRow));
        return matrix;
    }

    /// <summary>Runs <paramref name="share"/> on contiguous ranges [start, end) of <paramref name="rows"/> rows, one range per core.</summary>
    public static void InShares(int rows, Action<int, int> share)
    {
        var shares = Math.Clamp(rows / MinimumShare, 1, Environment.ProcessorCount);
        Parallel.For(0, shares, s => share((int)((long)rows * s / shares), (int)((long)rows * (s + 1) / shares)));
    }

    /// <summary>Every row of a featurized view of any kind (a TextLoader's, say), on one thread.</summary>
    public static FeatureMatrix Materialize(IDataView featurized, int rows)
    {
        var column = featurized.Schema[FeaturizationPlan.FeaturesColumn];
        var matrix = FeatureMatrix.Allocate(rows, ((VectorDataViewType)column.Type).Size, out var writableRow);
        Copy(featurized, 0, writableRow);
        return matrix;
    }

    private static void Copy(IDataView featurized, int firstRow, Func<int, Span<float>> writableRow)
    {
        var column = featurized.Schema[FeaturizationPlan.FeaturesColumn];
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = firstRow;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(writableRow(row));
            row++;
        }
    }
}
