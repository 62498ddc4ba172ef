namespace Tuner.Data;

/// <summary>A column as inferred from the data.</summary>
public sealed record ColumnInfo(string Name, ColumnKind Kind, int DistinctValues, int MissingValues);
