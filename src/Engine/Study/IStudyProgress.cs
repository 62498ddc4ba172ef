namespace Tuner.Study;

/// <summary>Hears about trials as they start and end: the live display or the log lines.</summary>
public interface IStudyProgress
{
    void TrialStarted(TrialRecord trial);

    void TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best);
}
