using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// Presents a <see cref="LabeledData"/> to ML.NET without copying: a "Features" vector and a "Label" typed as
/// ML.NET's trainers expect it (Boolean for binary, a key for multiclass, Single for regression). A multiclass
/// key carries the class names, when known, as its KeyValues, which the trainers give their Score slot names
/// and PredictedLabel.
/// </summary>
internal sealed class MatrixDataView : IDataView
{
    public const string FeaturesColumn = "Features";
    public const string LabelColumn = "Label";

    private readonly LabeledData _data;

    public MatrixDataView(LabeledData data)
    {
        _data = data;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, data.Features.Columns));
        builder.AddColumn(LabelColumn, data.Task switch
        {
            TaskKind.Binary => BooleanDataViewType.Instance,
            TaskKind.Multiclass => new KeyDataViewType(typeof(uint), data.ClassCount),
            _ => NumberDataViewType.Single,
        }, data.Task == TaskKind.Multiclass && data.ClassNames is { } names ? KeyValues(names) : null);
        Schema = builder.ToSchema();
    }

    /// <summary>A key column's annotations naming its values.</summary>
    internal static DataViewSchema.Annotations KeyValues(IReadOnlyList<string> names)
    {
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, names.Count),
            (ref VBuffer<ReadOnlyMemory<char>> value) =>
                value = new VBuffer<ReadOnlyMemory<char>>(names.Count, names.Select(n => n.AsMemory()).ToArray()));
        return annotations.ToAnnotations();
    }

    /// <summary>Online trainers (perceptron, SVM, OGD) need shuffled rows; a file sorted by class would ruin them.</summary>
    public bool CanShuffle => true;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _data.Rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, Order(rand));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private int[]? Order(Random? rand)
    {
        if (rand is null) return null;
        var order = Enumerable.Range(0, _data.Rows).ToArray();
        rand.Shuffle(order);
        return order;
    }

    private sealed class Cursor(MatrixDataView view, int[]? order) : IndexedRowCursor(view.Schema, view._data.Rows, order)
    {
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var data = view._data;
            Delegate getter = column.Index switch
            {
                0 => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, data.Features.Columns);
                    data.Features.Row(Row).CopyTo(editor.Values);
                    value = editor.Commit();
                }),
                _ => data.Task switch
                {
                    TaskKind.Binary => (ValueGetter<bool>)((ref bool value) => value = data.Labels[Row] > 0.5f),
                    TaskKind.Multiclass => (ValueGetter<uint>)((ref uint value) => value = (uint)data.Labels[Row] + 1),
                    _ => (ValueGetter<float>)((ref float value) => value = data.Labels[Row]),
                },
            };
            return (ValueGetter<TValue>)getter;
        }
    }
}
