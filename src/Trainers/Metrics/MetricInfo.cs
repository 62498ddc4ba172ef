using Tuner.Trainers.Data;

namespace Tuner.Trainers.Metrics;

/// <summary>A metric's name and which way is better.</summary>
internal sealed record MetricInfo(string Name, bool HigherIsBetter, string Description)
{
    public static readonly IReadOnlyList<MetricInfo> Binary =
    [
        new("auc", true, "area under the ROC curve"),
        new("accuracy", true, "share of rows classified correctly at probability 0.5"),
        new("f1", true, "F1 score of the positive class"),
        new("logloss", false, "mean cross-entropy of the predicted probabilities"),
        new("prauc", true, "area under the precision-recall curve (average precision)"),
    ];

    public static readonly IReadOnlyList<MetricInfo> Multiclass =
    [
        new("accuracy", true, "micro accuracy: share of rows classified correctly"),
        new("macro_accuracy", true, "mean over classes of the per-class recall"),
        new("macro_f1", true, "mean over classes of the per-class F1 score"),
        new("logloss", false, "mean cross-entropy of the predicted class probabilities"),
    ];

    public static readonly IReadOnlyList<MetricInfo> Regression =
    [
        new("rmse", false, "root mean squared error"),
        new("mae", false, "mean absolute error"),
        new("r2", true, "coefficient of determination"),
    ];

    public static IReadOnlyList<MetricInfo> For(TaskKind task) => task switch
    {
        TaskKind.Binary => Binary,
        TaskKind.Multiclass => Multiclass,
        _ => Regression,
    };

    public static string DefaultFor(TaskKind task) => task switch
    {
        TaskKind.Binary => "auc",
        TaskKind.Multiclass => "accuracy",
        _ => "rmse",
    };

    public static MetricInfo? Find(TaskKind task, string name) =>
        For(task).FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>.</summary>
    public bool IsBetter(double candidate, double incumbent) =>
        !double.IsNaN(candidate) && (double.IsNaN(incumbent) || (HigherIsBetter ? candidate > incumbent : candidate < incumbent));
}
