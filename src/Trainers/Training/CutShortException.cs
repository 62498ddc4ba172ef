namespace Tuner.Trainers.Training;

/// <summary>
/// A run cancelled after it had reported some epochs, with what it had by then: its curve and its model at the best
/// of those epochs (<see cref="Outcome"/>), and the one parameter setting that, in place of the run's own, trains
/// exactly that model again (<see cref="Reproducing"/>). To whoever does not look for it, it is a cancellation like any other.
/// </summary>
internal sealed class CutShortException(TrainingOutcome outcome, KeyValuePair<string, object> reproducing, CancellationToken token)
    : OperationCanceledException($"cancelled after epoch {outcome.Epochs.Count}", token)
{
    public TrainingOutcome Outcome { get; } = outcome;

    public KeyValuePair<string, object> Reproducing { get; } = reproducing;
}
