namespace Tuner.Data;

/// <summary>The cells of a CSV file as text, as the file holds them (see Tuner.Trainers.Data.CellFormat).</summary>
internal sealed record CsvTable(string Path, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public int ColumnIndex(string name) =>
        Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.Ordinal));
}
