namespace Tuner.Data;

/// <summary>
/// One feature column's values: numbers (NaN for missing) for numeric and boolean columns, strings
/// (null for missing) for categorical and text columns.
/// </summary>
public sealed record FeatureColumn(ColumnInfo Info, float[]? Numbers, string?[]? Strings)
{
    public bool IsNumeric => Numbers is not null;
}
