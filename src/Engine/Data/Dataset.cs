using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>A loaded table: typed feature columns and encoded labels (see Tuner.Trainers.Data.LabeledData).</summary>
internal sealed record Dataset(
    string Path,
    IReadOnlyList<FeatureColumn> Columns,
    LabelInfo Label,
    float[] Labels,
    int DroppedRowsWithoutLabel,
    string Fingerprint,
    CellFormat Format)
{
    public int Rows => Labels.Length;

    public IReadOnlyList<ColumnInfo> Schema => Columns.Select(c => c.Info).ToList();
}
