using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// What the user said about the data: the file, the label, the task if forced, columns to skip, the positive
/// class if chosen, and how cells are read (default <see cref="CellFormat.Default"/>).
/// </summary>
internal sealed record DataOptions(
    string Path, string Label, TaskKind? Task, IReadOnlyList<string> IgnoreColumns, string? PositiveClass = null, CellFormat? Cells = null)
{
    public CellFormat Format => Cells ?? CellFormat.Default;
}
