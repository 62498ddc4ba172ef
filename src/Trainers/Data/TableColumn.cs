namespace Tuner.Trainers.Data;

/// <summary>
/// One raw column held in memory: numbers (NaN for missing) for numeric columns, strings (null for
/// missing) for yes/no, categorical and text columns.
/// </summary>
internal sealed record TableColumn(string Name, float[]? Numbers, string?[]? Strings)
{
    public bool IsNumeric => Numbers is not null;

    /// <summary>A new column of this one's cells at <paramref name="rows"/>, in that order.</summary>
    public TableColumn Gather(int[] rows) => this with
    {
        Numbers = Numbers is null ? null : Array.ConvertAll(rows, r => Numbers[r]),
        Strings = Strings is null ? null : Array.ConvertAll(rows, r => Strings[r]),
    };

    /// <summary>The distinct present (non-null) texts of this column at <paramref name="rows"/>.</summary>
    public HashSet<string> DistinctStrings(int[] rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
            if (Strings![row] is { } value) seen.Add(value);
        return seen;
    }
}
