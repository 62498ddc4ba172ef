using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// Where studies, trials, their metrics and per-step values live: an SQLite file for one machine, or a
/// PostgreSQL database shared by workers on many. Both engines keep exactly these semantics (one contract
/// test suite runs against each). Opening a store brings its tables to this build's schema version
/// (<see cref="SchemaMigrations"/>). Every method is safe to call from several threads and processes at once,
/// and every write is durable when the call returns.
/// </summary>
public interface IStudyStore : IDisposable
{
    /// <summary>Where the store is, safe to print: a file path, or server and database without the password.</summary>
    string Location { get; }

    /// <summary>True when workers on other machines reach the store, so `tune` uploads the data into it.</summary>
    bool IsShared { get; }

    StudyInfo? FindStudy(string name);

    /// <summary>Creates the study; if another process created one of that name first, returns that one.</summary>
    StudyInfo CreateStudy(string name, StudyConfig config);

    IReadOnlyList<StudySummary> ListStudies();

    void SetPlan(long studyId, StudyPlan plan);

    /// <summary>Keeps a copy of a data file with the study, replacing an earlier one of the same role.</summary>
    void SaveFile(long studyId, StoredFile file);

    StoredFile? LoadFile(long studyId, string role);

    /// <summary>True when a copy of this role with this fingerprint is stored, without reading its content.</summary>
    bool HasFile(long studyId, string role, string fingerprint);

    /// <summary>
    /// Records a running trial with this number for <paramref name="worker"/>, atomically: returns null and
    /// writes nothing when the number is already taken (the caller proposed from a stale history and must
    /// read the changes and propose again). A trial numbered n is therefore always proposed from a history
    /// holding every trial numbered below n.
    /// </summary>
    TrialRecord? TryStartTrial(long studyId, int number, TrialProposal proposal, string worker);

    /// <summary>Stores per-step values of a trial; a step stored again replaces the earlier values.</summary>
    void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps);

    /// <summary>
    /// Records how a running trial ended, exactly once (with <see cref="TrialResult.CutShortTo"/>, its parameters too).
    /// Returns false, writing nothing, when the trial is no longer running: the study gave it up because its worker
    /// stopped sending heartbeats.
    /// </summary>
    bool FinishTrial(long trialId, TrialResult result);

    /// <summary>Tells the study these trials' workers are alive.</summary>
    void Heartbeat(IReadOnlyCollection<long> trialIds);

    /// <summary>The workers that own the study's running trials ("" for trials stored before workers were).</summary>
    IReadOnlyList<string> RunningWorkers(long studyId);

    /// <summary>Marks running trials with no heartbeat for longer than <paramref name="silentFor"/> as interrupted; returns how many.</summary>
    int InterruptSilentTrials(long studyId, TimeSpan silentFor, string reason);

    /// <summary>Marks the running trials of workers known to be gone as interrupted; returns how many.</summary>
    int InterruptTrialsOf(long studyId, IReadOnlyCollection<string> workers, string reason);

    /// <summary>The trials created or changed after <paramref name="sinceVersion"/>, ordered by number.</summary>
    TrialChanges LoadChanges(long studyId, long sinceVersion);

    IReadOnlyList<TrialRecord> LoadTrials(long studyId);

    IReadOnlyList<EpochRecord> LoadSteps(long trialId);

    /// <summary>The replicates of the validation ranking metric of the study's trials that have them, by trial id.</summary>
    IReadOnlyDictionary<long, StoredReplicates> LoadReplicates(long studyId);

    /// <summary>The per-step validation metric of these trials, for each only the steps after the one given.</summary>
    IReadOnlyList<CurvePoint> LoadCurves(IReadOnlyCollection<(long TrialId, int AfterStep)> trials);
}
