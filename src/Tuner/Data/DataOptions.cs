using Tuner.Trainers.Data;

namespace Tuner.Data;

/// <summary>What the user said about the data: the file, the label, the task if forced, columns to skip.</summary>
public sealed record DataOptions(string Path, string Label, TaskKind? Task, IReadOnlyList<string> IgnoreColumns);
