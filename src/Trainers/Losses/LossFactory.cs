using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Losses;

/// <summary>Builds the loss named by the <c>loss</c> hyper-parameter for a task.</summary>
public static class LossFactory
{
    public static IReadOnlyList<string> NamesFor(TaskKind task) => task switch
    {
        TaskKind.Binary => ["log", "hinge", "squared_hinge", "modified_huber", "focal"],
        TaskKind.Multiclass => ["softmax", "multiclass_hinge", "softmax_focal"],
        _ => ["squared", "absolute", "huber", "epsilon_insensitive", "log_cosh", "poisson"],
    };

    public static string DefaultFor(TaskKind task) => NamesFor(task)[0];

    public static ILoss Create(TaskKind task, HyperParameters parameters)
    {
        string name = parameters.GetString(ParameterNames.Loss, DefaultFor(task)).Trim().ToLowerInvariant();
        return (task, name) switch
        {
            (TaskKind.Regression, "squared") => new SquaredLoss(),
            (TaskKind.Regression, "absolute") => new AbsoluteLoss(),
            (TaskKind.Regression, "huber") => new HuberLoss(parameters.GetDouble(ParameterNames.HuberDelta, 1.0)),
            (TaskKind.Regression, "epsilon_insensitive") => new EpsilonInsensitiveLoss(parameters.GetDouble(ParameterNames.Epsilon, 0.1)),
            (TaskKind.Regression, "log_cosh") => new LogCoshLoss(),
            (TaskKind.Regression, "poisson") => new PoissonLoss(),
            (TaskKind.Binary, "log") => new LogLoss(),
            (TaskKind.Binary, "hinge") => new HingeLoss(),
            (TaskKind.Binary, "squared_hinge") => new SquaredHingeLoss(),
            (TaskKind.Binary, "modified_huber") => new ModifiedHuberLoss(),
            (TaskKind.Binary, "focal") => new FocalLoss(
                parameters.GetDouble(ParameterNames.FocalGamma, 2.0), parameters.GetDouble(ParameterNames.FocalAlpha, 0)),
            (TaskKind.Multiclass, "softmax") => new SoftmaxLoss(),
            (TaskKind.Multiclass, "multiclass_hinge") => new MulticlassHingeLoss(),
            (TaskKind.Multiclass, "softmax_focal") => new SoftmaxFocalLoss(parameters.GetDouble(ParameterNames.FocalGamma, 2.0)),
            _ => throw new ArgumentException(
                $"Unknown loss '{name}' for a {task} task; use one of: {string.Join(", ", NamesFor(task))}."),
        };
    }
}
