using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// What the diagnosis reads about one trial. <see cref="Curve"/> is empty for trainers that report no epochs
/// (most ML.NET trainers); then the final <see cref="TrainingMetric"/> and <see cref="ValidationMetric"/> of the
/// ranking <see cref="Metric"/> are judged against the study's best instead. <see cref="StudyBest"/> is the best
/// validation value of that metric in the study: without it, "both poor" (underfitting) cannot be told apart from
/// a hard problem. <see cref="ReferenceLoss"/> is what a normal validation loss is for this trainer and loss
/// function in the study (see <see cref="ReferenceLosses"/>): a curve that never comes near it diverged.
/// </summary>
internal sealed record TrialDiagnosis(
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

    /// <summary>The epochs (or boosting rounds) the trial was set to run; null when unknown (taken as the curve's length).</summary>
    public int? PlannedEpochs { get; init; }

    public double? ReferenceLoss { get; init; }

    /// <summary>Why the curve ends where it does.</summary>
    public CurveEnd End => State switch
    {
        TrialState.Pruned => CurveEnd.Pruned,
        TrialState.Diverged => CurveEnd.Diverged,
        TrialState.Failed => CurveEnd.Failed,
        _ => PlannedEpochs is { } planned && Curve.Count < planned ? CurveEnd.EarlyStopping : CurveEnd.AllEpochs,
    };
}

/// <summary>Why a learning curve ends where it does.</summary>
internal enum CurveEnd
{
    /// <summary>It ran every planned epoch: a curve still falling there ended for lack of epochs.</summary>
    AllEpochs,

    /// <summary>It stopped itself because the validation loss stopped improving.</summary>
    EarlyStopping,

    /// <summary>The pruner stopped it for being behind other trials.</summary>
    Pruned,

    Diverged,

    Failed,
}
