using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// Infers each column's kind from its cells, read by the study's <see cref="CellFormat"/>: numeric when every
/// cell that is not missing is a number; yes/no when every present text is a true or false word and one is
/// not a digit; otherwise free text or categorical.
/// </summary>
internal static class SchemaInference
{
    public static ColumnInfo Infer(CsvTable table, int column, CellFormat format)
    {
        int numericMissing = 0, numbers = 0;
        var distinctNumbers = new HashSet<float>();
        foreach (var row in table.Rows)
        {
            var cell = row[column];
            if (format.IsNumericMissing(cell)) numericMissing++;
            else if (format.TryNumber(cell, out var value)) { numbers++; distinctNumbers.Add(value); }
        }

        var name = table.Header[column];
        if (numbers == table.Rows.Count - numericMissing)
            return new ColumnInfo(name, ColumnKind.Numeric, distinctNumbers.Count, numericMissing);

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int missing = 0, present = 0;
        long totalLength = 0;
        foreach (var row in table.Rows)
        {
            if (format.Text(row[column]) is not { } text) { missing++; continue; }
            present++;
            distinct.Add(text);
            totalLength += text.Length;
        }

        var kind = distinct.All(v => format.Boolean(v) is not null) && distinct.Any(v => !format.IsNumber(v)) ? ColumnKind.Boolean
            : LooksLikeText(distinct.Count, present, totalLength) ? ColumnKind.Text
            : ColumnKind.Categorical;
        return new ColumnInfo(name, kind, distinct.Count, missing);
    }

    // Long strings that are mostly distinct are prose, not categories.
    private static bool LooksLikeText(int distinct, int present, long totalLength) =>
        present > 0 && (double)totalLength / present > 30 && distinct > 0.5 * present;
}
