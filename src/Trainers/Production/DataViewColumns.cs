using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>
/// Copies the columns a tuned pipeline reads out of any ML.NET view into memory. Feature columns must have
/// the type the fitted pipeline will see when scoring (Single for numeric, text for the others); the label,
/// which scoring never reads, may be text (trimmed and checked for missing by the cell format), a number or a boolean.
/// </summary>
internal static class DataViewColumns
{
    /// <exception cref="ArgumentException">A column is missing or has another type; the message names it.</exception>
    public static (List<TableColumn> Features, string?[] Labels) Read(IDataView view, IReadOnlyList<FeatureColumnSpec> features, string label, CellFormat cells)
    {
        var featureColumns = features.Select(f => Find(view.Schema, f.Name)).ToList();
        var labelColumn = Find(view.Schema, label);
        foreach (var (spec, column) in features.Zip(featureColumns))
        {
            var expected = spec.IsNumeric ? (DataViewType)NumberDataViewType.Single : TextDataViewType.Instance;
            if (!column.Type.Equals(expected))
                throw new ArgumentException($"Column '{spec.Name}' is {column.Type}, but the tuned pipeline reads it as {expected} ({spec.Encoding}); load it as {expected}.");
        }

        var numbers = features.Select(f => f.IsNumeric ? new List<float>() : null).ToArray();
        var strings = features.Select(f => f.IsNumeric ? null : new List<string?>()).ToArray();
        var labels = new List<string?>();
        using var cursor = view.GetRowCursor(featureColumns.Append(labelColumn));
        var numberGetters = featureColumns.Select(c => c.Type is TextDataViewType ? null : cursor.GetGetter<float>(c)).ToArray();
        var textGetters = featureColumns.Select(c => c.Type is TextDataViewType ? cursor.GetGetter<ReadOnlyMemory<char>>(c) : null).ToArray();
        var readLabel = LabelGetter(cursor, labelColumn, cells);
        var number = 0f;
        var text = default(ReadOnlyMemory<char>);
        while (cursor.MoveNext())
        {
            for (var i = 0; i < featureColumns.Count; i++)
            {
                if (numberGetters[i] is { } getNumber)
                {
                    getNumber(ref number);
                    numbers[i]!.Add(number);
                }
                else
                {
                    textGetters[i]!(ref text);
                    strings[i]!.Add(text.IsEmpty ? null : text.ToString());
                }
            }

            labels.Add(readLabel());
        }

        var columns = features.Select((f, i) => new TableColumn(f.Name, numbers[i]?.ToArray(), strings[i]?.ToArray())).ToList();
        return (columns, labels.ToArray());
    }

    private static DataViewSchema.Column Find(DataViewSchema schema, string name) =>
        schema.GetColumnOrNull(name)
        ?? throw new ArgumentException($"The data has no column '{name}', which the tuned pipeline reads; its columns are: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");

    /// <summary>The label as text (null when missing), the way the tuner read it from the CSV file.</summary>
    private static Func<string?> LabelGetter(DataViewRowCursor cursor, DataViewSchema.Column column, CellFormat cells)
    {
        switch (column.Type.RawType)
        {
            case var t when t == typeof(ReadOnlyMemory<char>):
                var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
                return () => { var v = default(ReadOnlyMemory<char>); text(ref v); return cells.Text(v.ToString()); };
            case var t when t == typeof(float):
                var f = cursor.GetGetter<float>(column);
                return () => { var v = 0f; f(ref v); return float.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture); };
            case var t when t == typeof(double):
                var d = cursor.GetGetter<double>(column);
                return () => { var v = 0d; d(ref v); return double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture); };
            case var t when t == typeof(int):
                var i = cursor.GetGetter<int>(column);
                return () => { var v = 0; i(ref v); return v.ToString(CultureInfo.InvariantCulture); };
            case var t when t == typeof(bool):
                var b = cursor.GetGetter<bool>(column);
                return () => { var v = false; b(ref v); return v ? "true" : "false"; };
            default:
                throw new ArgumentException($"Label column '{column.Name}' is {column.Type}; load it as text, a number or a boolean.");
        }
    }
}
