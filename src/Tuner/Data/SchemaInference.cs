using System.Globalization;

namespace Tuner.Data;

/// <summary>Infers each column's kind from its non-missing values.</summary>
public static class SchemaInference
{
    private static readonly HashSet<string> TrueWords = new(StringComparer.OrdinalIgnoreCase) { "true", "yes", "t", "y" };
    private static readonly HashSet<string> FalseWords = new(StringComparer.OrdinalIgnoreCase) { "false", "no", "f", "n" };

    public static ColumnInfo Infer(CsvTable table, int column)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int missing = 0, numeric = 0, present = 0;
        long totalLength = 0;
        foreach (var row in table.Rows)
        {
            var cell = row[column];
            if (cell is null) { missing++; continue; }
            present++;
            distinct.Add(cell);
            totalLength += cell.Length;
            if (TryParseNumber(cell, out _)) numeric++;
        }

        var kind = present == 0 || numeric == present ? ColumnKind.Numeric
            : distinct.All(v => TrueWords.Contains(v) || FalseWords.Contains(v)) ? ColumnKind.Boolean
            : LooksLikeText(distinct.Count, present, totalLength) ? ColumnKind.Text
            : ColumnKind.Categorical;
        return new ColumnInfo(table.Header[column], kind, distinct.Count, missing);
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static float ParseBoolean(string text) => TrueWords.Contains(text) ? 1f : 0f;

    /// <summary>1 or 0 for a true/false word, null for anything else.</summary>
    public static float? ParseBooleanOrNull(string text) =>
        TrueWords.Contains(text) ? 1f : FalseWords.Contains(text) ? 0f : null;

    // Long strings that are mostly distinct are prose, not categories.
    private static bool LooksLikeText(int distinct, int present, long totalLength) =>
        present > 0 && (double)totalLength / present > 30 && distinct > 0.5 * present;
}
