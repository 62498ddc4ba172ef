using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.MlNet;

namespace Tuner.Trainers.Data;

/// <summary>
/// An ML.NET view over chosen rows of in-memory columns, in the given order, without copying: numeric
/// columns as Single (NaN missing), the others as text (empty when missing).
/// </summary>
internal sealed class ColumnarDataView : IDataView
{
    private readonly IReadOnlyList<TableColumn> _columns;
    private readonly int[] _rows;

    public ColumnarDataView(IReadOnlyList<TableColumn> columns, int[] rows)
    {
        _columns = columns;
        _rows = rows;
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
            builder.AddColumn(column.Name, column.IsNumeric ? NumberDataViewType.Single : TextDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new Cursor(this)];

    private sealed class Cursor(ColumnarDataView view) : IndexedRowCursor(view.Schema, view._rows.Length, null)
    {
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var source = view._columns[column.Index];
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
