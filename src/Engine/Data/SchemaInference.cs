using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// Infers each column's kind from its cells, read by the study's <see cref="CellFormat"/>: numeric when every
/// cell that is not missing is a number; yes/no when every present text is a true or false word and one is
/// not a digit; otherwise free text or categorical.
/// </summary>
internal static class SchemaInference
{
    public static ColumnInfo Infer(string name, CsvColumn column, CellFormat format)
    {
        if (column.Numbers is { } numbers)
            return new ColumnInfo(name, ColumnKind.Numeric, numbers.Count(float.IsNaN));
        var cells = column.Cells!;
        if (cells.All(c => format.TryNumber(c, out _)))
            return new ColumnInfo(name, ColumnKind.Numeric, cells.Count(format.IsNumericMissing));

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int missing = 0, present = 0;
        long totalLength = 0;
        foreach (var cell in cells)
        {
            if (format.Text(cell) is not { } text) { missing++; continue; }
            present++;
            distinct.Add(text);
            totalLength += text.Length;
        }

        var kind = distinct.All(v => format.Boolean(v) is not null) && distinct.Any(v => !format.IsNumber(v)) ? ColumnKind.Boolean
            : LooksLikeText(distinct.Count, present, totalLength) ? ColumnKind.Text
            : ColumnKind.Categorical;
        return new ColumnInfo(name, kind, missing);
    }

    // Long strings that are mostly distinct are prose, not categories.
    private static bool LooksLikeText(int distinct, int present, long totalLength) =>
        present > 0 && (double)totalLength / present > 30 && distinct > 0.5 * present;
}
