namespace Tuner.Study;

/// <summary>Where a trial is in its life. Stored as lower-case text.</summary>
public enum TrialState
{
    Running,
    Complete,
    Pruned,
    Diverged,
    Failed,

    /// <summary>Stopped by the study before it could finish: Ctrl+C, the time budget, the target reached by another trial.</summary>
    Cancelled,

    /// <summary>Given up because the process running it stopped or went silent.</summary>
    Interrupted,
}
