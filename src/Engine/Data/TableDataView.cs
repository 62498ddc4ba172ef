using System.Globalization;
using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// An ML.NET view over chosen rows of a <see cref="Dataset"/>, without copying: numeric and boolean
/// columns as Single (NaN missing), categorical and text columns as String (empty missing).
/// </summary>
internal static class TableDataView
{
    public static ColumnarDataView Over(Dataset data, int[] rows) => new(Columns(data), rows);

    public static List<TableColumn> Columns(Dataset data) =>
        data.Columns.Select(c => new TableColumn(c.Info.Name, c.Numbers, c.Strings)).ToList();

    public static ColumnarDataView AllRows(Dataset data) => Over(data, Enumerable.Range(0, data.Rows).ToArray());

    /// <summary>The rows with their label as text too (class name, or the number), as a CSV file holds them.</summary>
    public static ColumnarDataView WithLabel(Dataset data, int[] rows)
    {
        var label = data.Label;
        var texts = data.Labels.Select(v => label.Task == TaskKind.Regression
            ? v.ToString("R", CultureInfo.InvariantCulture)
            : label.Classes[(int)v]).ToArray();
        var columns = Columns(data).Append(new TableColumn(label.Column, null, texts)).ToList();
        return new ColumnarDataView(columns, rows);
    }
}
