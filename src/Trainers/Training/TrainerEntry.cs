using Tuner.Trainers.Components;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Training;

/// <summary>
/// One trainer a search space can name: its family for --trainers, the tasks it does, the parameters it reads for
/// a task (a loss, for one, depends on the task), and how to build it for one fold of one trial from a seed.
/// <paramref name="FirstPrunableEpoch"/> is the first epoch at which stopping a run saves training.
/// </summary>
internal sealed record TrainerEntry(
    string Name,
    string Family,
    IReadOnlyList<TaskKind> Tasks,
    string Description,
    Func<TaskKind, IReadOnlyList<ParameterInfo>> ParametersFor,
    Func<int, IEpochTrainer> Create,
    int FirstPrunableEpoch = 1)
{
    public bool Supports(TaskKind task) => Tasks.Contains(task);
}
