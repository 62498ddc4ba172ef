namespace Tuner.Study;

/// <summary>Where a trial is in its life. Stored as lower-case text.</summary>
public enum TrialState
{
    Running,
    Complete,
    Pruned,
    Diverged,
    Failed,
}
