namespace Tuner.Data;

/// <summary>
/// One feature column's values: numbers (NaN for missing) for numeric columns, trimmed text (null for
/// missing) for yes/no, categorical and text columns.
/// </summary>
internal sealed record FeatureColumn(ColumnInfo Info, float[]? Numbers, string?[]? Strings)
{
    public bool IsNumeric => Numbers is not null;
}
