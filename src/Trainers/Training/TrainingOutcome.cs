namespace Tuner.Trainers.Training;

/// <summary>How a training run ended.</summary>
internal enum TrainingStatus
{
    /// <summary>Ran all its epochs, or stopped early on its own rule (early stopping).</summary>
    Completed,

    /// <summary>Loss became NaN or infinite, or grew by a large factor; the curve up to that epoch is kept.</summary>
    Diverged,

    /// <summary>The epoch observer asked to stop (a pruner decided the run is hopeless).</summary>
    Stopped,
}

/// <summary>The result of a trainer run: its status, its per-epoch curve and the model it produced.</summary>
internal sealed record TrainingOutcome(
    TrainingStatus Status,
    string? Message,
    IReadOnlyList<EpochRecord> Epochs,
    ITrainedModel Model);
