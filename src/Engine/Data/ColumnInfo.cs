namespace Tuner.Data;

/// <summary>A column as inferred from the data.</summary>
internal sealed record ColumnInfo(string Name, ColumnKind Kind, int MissingValues);
