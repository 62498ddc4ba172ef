namespace Tuner.Data;

/// <summary>The cells of a CSV file as text; a missing cell (empty or NA) is null.</summary>
public sealed record CsvTable(string Path, IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows)
{
    public int ColumnIndex(string name) =>
        Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.Ordinal));
}
