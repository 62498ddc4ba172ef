using Tuner.Trainers.Data;

namespace Tuner.Trainers.Export;

/// <summary>The names of the exported graph's input and outputs, which the ML.NET pipeline binds to.</summary>
public static class OnnxNames
{
    /// <summary>Input: float [N × featureCount].</summary>
    public const string Features = "features";

    /// <summary>Batch output: raw scores before the link, float [N × outputs] (before any target scaling).</summary>
    public const string Score = "score";

    /// <summary>Binary batch output: positive-class probability (calibrated), float [N × 1].</summary>
    public const string Probability = "probability";

    /// <summary>Multiclass batch output: class probabilities, float [N × classes].</summary>
    public const string Probabilities = "probabilities";

    /// <summary>Regression batch output: the predicted value, float [N × 1].</summary>
    public const string Value = "value";

    /// <summary>
    /// Outputs named like ML.NET's scored columns, one entry per row: binary Score, Probability (float [N]) and
    /// PredictedLabel (bool [N], Score &gt; 0); multiclass Score (float [N × classes], the probabilities) and
    /// PredictedLabel (string [N], the name of the most likely class); regression Score (float [N], in the label's units).
    /// </summary>
    public static IReadOnlyList<string> ColumnsFor(TaskKind task) => task switch
    {
        TaskKind.Binary => [ScoreColumn, ProbabilityColumn, PredictedLabelColumn],
        TaskKind.Multiclass => [ScoreColumn, PredictedLabelColumn],
        _ => [ScoreColumn],
    };

    public const string ScoreColumn = "Score";
    public const string ProbabilityColumn = "Probability";
    public const string PredictedLabelColumn = "PredictedLabel";

    public static string PredictionFor(TaskKind task) => task switch
    {
        TaskKind.Binary => Probability,
        TaskKind.Multiclass => Probabilities,
        _ => Value,
    };
}
