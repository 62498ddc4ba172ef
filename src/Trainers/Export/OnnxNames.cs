using Tuner.Trainers.Data;

namespace Tuner.Trainers.Export;

/// <summary>The names of the exported graph's input and outputs, which the ML.NET pipeline binds to.</summary>
internal static class OnnxNames
{
    /// <summary>Input: float [N × featureCount].</summary>
    public const string Features = "features";

    /// <summary>Output: raw scores before the link, float [N × outputs] (before any target scaling).</summary>
    public const string Score = "score";

    /// <summary>Binary output: positive-class probability, float [N × 1].</summary>
    public const string Probability = "probability";

    /// <summary>Multiclass output: class probabilities, float [N × classes].</summary>
    public const string Probabilities = "probabilities";

    /// <summary>Regression output: the predicted value, float [N × 1].</summary>
    public const string Value = "value";

    public static string PredictionFor(TaskKind task) => task switch
    {
        TaskKind.Binary => Probability,
        TaskKind.Multiclass => Probabilities,
        _ => Value,
    };
}
