using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>
/// The label column, the task, and for classification the class names in index order. For a binary task
/// Classes[1] is the positive class.
/// </summary>
internal sealed record LabelInfo(string Column, TaskKind Task, IReadOnlyList<string> Classes)
{
    public string? PositiveClass => Task == TaskKind.Binary ? Classes[1] : null;
}
