using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Losses;

/// <summary>Builds a loss from the hyper-parameters it reads.</summary>
internal delegate ILoss LossCreator(HyperParameters parameters);

/// <summary>
/// The registry of losses: the <c>loss</c> hyper-parameter names one of them, valid for the task. A task's first
/// loss is its default. A new loss is a class with its own <c>Entry</c>, listed here.
/// </summary>
internal static class LossFactory
{
    public static readonly IReadOnlyList<ComponentEntry<LossCreator>> All =
    [
        LogLoss.Entry, HingeLoss.Entry, SquaredHingeLoss.Entry, ModifiedHuberLoss.Entry, FocalLoss.Entry,
        SoftmaxLoss.Entry, MulticlassHingeLoss.Entry, SoftmaxFocalLoss.Entry,
        SquaredLoss.Entry, AbsoluteLoss.Entry, HuberLoss.Entry, EpsilonInsensitiveLoss.Entry, LogCoshLoss.Entry, PoissonLoss.Entry,
    ];

    public static IReadOnlyList<ComponentEntry<LossCreator>> For(TaskKind task) => All.Where(e => e.AppliesTo(task)).ToList();

    public static IReadOnlyList<string> NamesFor(TaskKind task) => For(task).Select(e => e.Name).ToList();

    public static string DefaultFor(TaskKind task) => NamesFor(task)[0];

    /// <summary>The <c>loss</c> parameter of a task: one of its losses.</summary>
    public static ParameterInfo ChoiceFor(TaskKind task) =>
        ParameterInfo.Choice(ParameterNames.Loss, DefaultFor(task), $"the {task.ToString().ToLowerInvariant()} loss", NamesFor(task));

    /// <summary>The <c>loss</c> parameter and the parameters of the task's losses.</summary>
    public static IEnumerable<ParameterInfo> ParametersFor(TaskKind task) =>
        For(task).SelectMany(e => e.Parameters).Prepend(ChoiceFor(task)).DistinctBy(p => p.Name);

    public static ILoss Create(TaskKind task, HyperParameters parameters)
    {
        string name = ChoiceFor(task).ReadChoice(parameters);
        var entry = For(task).FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"Unknown loss '{name}' for a {task} task; use one of: {string.Join(", ", NamesFor(task))}.");
        return entry.Create(parameters);
    }
}
