namespace Tuner.Study;

/// <summary>Hears nothing: for a run nobody watches.</summary>
internal sealed class SilentProgress : IStudyProgress
{
    public static readonly SilentProgress Instance = new();

    public void TrialStarted(TrialRecord trial) { }

    public void TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best) { }
}
