using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// Where studies, trials, their metrics and per-step values live. Every method is safe to call from
/// several trial threads at once, and every write is durable when the call returns.
/// </summary>
public interface IStudyStore : IDisposable
{
    StudyInfo? FindStudy(string name);

    StudyInfo CreateStudy(string name, StudyConfig config);

    IReadOnlyList<StudySummary> ListStudies();

    /// <summary>Records a new running trial with the next free number of the study.</summary>
    TrialRecord StartTrial(long studyId, TrialProposal proposal);

    void ReportStep(long trialId, EpochRecord step);

    void FinishTrial(long trialId, TrialResult result);

    IReadOnlyList<TrialRecord> LoadTrials(long studyId);

    IReadOnlyList<EpochRecord> LoadSteps(long trialId);

    /// <summary>Marks trials left running by a process that died as failed; returns how many.</summary>
    int FailAbandonedTrials(long studyId, string reason);
}
