using Tuner.Trainers.Data;

namespace Tuner.Trainers.Components;

/// <summary>
/// One registered implementation of a component kind (a loss, a schedule, an optimiser, a sampler, a pruner): the
/// name that selects it, the tasks it applies to, the parameters it reads and how to build it.
/// </summary>
internal sealed record ComponentEntry<TCreate>(string Name, string Description, IReadOnlyList<ParameterInfo> Parameters, TCreate Create)
    where TCreate : Delegate
{
    public IReadOnlyList<TaskKind> Tasks { get; init; } = Enum.GetValues<TaskKind>();

    public bool AppliesTo(TaskKind task) => Tasks.Contains(task);
}
