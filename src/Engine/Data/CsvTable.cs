namespace Tuner.Data;

/// <summary>The cells of a CSV file, column by column (see <see cref="CsvColumn"/>).</summary>
internal sealed record CsvTable(string Path, IReadOnlyList<string> Header, IReadOnlyList<CsvColumn> Columns, int RowCount)
{
    public int ColumnIndex(string name) =>
        Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.Ordinal));
}
