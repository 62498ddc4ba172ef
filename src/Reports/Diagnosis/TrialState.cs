namespace Tuner.Reports.Diagnosis;

/// <summary>How the diagnosed trial ended, as far as the diagnosis cares.</summary>
public enum TrialState
{
    Complete,
    Pruned,
    Diverged,
    Failed,
}
