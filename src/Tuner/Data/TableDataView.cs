using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.MlNet;

namespace Tuner.Data;

/// <summary>
/// An ML.NET view over chosen rows of a <see cref="Dataset"/>, without copying: numeric and boolean
/// columns as Single (NaN missing), categorical and text columns as String (empty missing).
/// </summary>
public sealed class TableDataView : IDataView
{
    private readonly Dataset _data;
    private readonly int[] _rows;

    public TableDataView(Dataset data, int[] rows)
    {
        _data = data;
        _rows = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var column in data.Columns)
            builder.AddColumn(column.Info.Name, column.IsNumeric ? NumberDataViewType.Single : TextDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    public static TableDataView AllRows(Dataset data) => new(data, Enumerable.Range(0, data.Rows).ToArray());

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this)];

    private sealed class Cursor(TableDataView view) : IndexedRowCursor(view.Schema, view._rows.Length, null)
    {
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var source = view._data.Columns[column.Index];
            if (source.Numbers is { } numbers)
            {
                ValueGetter<float> getNumber = (ref float value) => value = numbers[view._rows[Row]];
                return (ValueGetter<TValue>)(Delegate)getNumber;
            }

            var strings = source.Strings!;
            ValueGetter<ReadOnlyMemory<char>> getText = (ref ReadOnlyMemory<char> value) =>
                value = (strings[view._rows[Row]] ?? "").AsMemory();
            return (ValueGetter<TValue>)(Delegate)getText;
        }
    }
}
