using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// What the diagnosis reads about one trial. <see cref="Curve"/> is empty for trainers that report no epochs
/// (most ML.NET trainers); then the final <see cref="TrainingMetric"/> and <see cref="ValidationMetric"/> of the
/// ranking <see cref="Metric"/> are judged instead. <see cref="StudyBest"/> is the best validation value of that
/// metric in the study: without it, "both poor" (underfitting) cannot be told apart from a hard problem.
/// </summary>
public sealed record TrialDiagnosis(
    IReadOnlyList<EpochRecord> Curve,
    TrialState State = TrialState.Complete,
    string? Error = null)
{
    public MetricInfo? Metric { get; init; }

    /// <summary>The ranking metric on the training rows at the end of the trial, when known.</summary>
    public double? TrainingMetric { get; init; }

    /// <summary>The ranking metric on the validation rows; when null, the last epoch's ValidationMetric is used.</summary>
    public double? ValidationMetric { get; init; }

    public double? StudyBest { get; init; }
}
