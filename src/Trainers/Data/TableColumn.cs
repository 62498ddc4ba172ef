namespace Tuner.Trainers.Data;

/// <summary>
/// One raw column held in memory: numbers (NaN for missing) for numeric columns, strings (null for
/// missing) for yes/no, categorical and text columns.
/// </summary>
internal sealed record TableColumn(string Name, float[]? Numbers, string?[]? Strings)
{
    public bool IsNumeric => Numbers is not null;
}
