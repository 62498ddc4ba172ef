using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// The study store on a relational database: the SQL both engines share lives here, and what differs
/// (connections, locking, retries, the busy statements) in its <see cref="StoreDialect"/>.
/// </summary>
public sealed class RelationalStudyStore : IStudyStore
{
    private readonly StoreDialect _dialect;

    internal RelationalStudyStore(StoreDialect dialect) => _dialect = dialect;

    /// <summary>The embedded store: an SQLite file, created when missing.</summary>
    public static RelationalStudyStore OpenSqlite(string path) => new(new SqliteDialect(path));

    /// <summary>
    /// The shared store: a PostgreSQL database named by a connection string, its tables created when missing. Calls wait
    /// through an outage of up to <paramref name="maxOutage"/>, or until <paramref name="stopWaiting"/> is cancelled.
    /// </summary>
    public static RelationalStudyStore OpenPostgres(string connectionString, ILogger? logger = null, TimeSpan? maxOutage = null,
        CancellationToken stopWaiting = default) =>
        new(new PostgresDialect(connectionString, logger, maxOutage, stopWaiting));

    public string Location => _dialect.Location;

    public bool IsShared => _dialect.IsShared;

    public StudyInfo? FindStudy(string name) => _dialect.Run("reading a study", (s, _) =>
        s.ReadAll($"SELECT {StoreRows.StudyColumns} FROM studies WHERE name = @name", StoreRows.ReadStudy, ("@name", name)).FirstOrDefault());

    public StudyInfo CreateStudy(string name, StudyConfig config)
    {
        var created = DateTimeOffset.UtcNow;
        var id = _dialect.Run("creating a study", (s, _) => s.Scalar(
            """
            INSERT INTO studies(name, created, task, metric, config) VALUES (@name, @created, @task, @metric, @config)
            ON CONFLICT (name) DO NOTHING RETURNING id
            """,
            ("@name", name), ("@created", _dialect.Timestamp(created)), ("@task", config.Task), ("@metric", config.Metric),
            ("@config", JsonSerializer.Serialize(config))) as long?);
        return id is { } studyId ? new StudyInfo(studyId, name, created, config) : FindStudy(name)!;
    }

    public IReadOnlyList<StudySummary> ListStudies() => _dialect.Run("listing studies", (s, _) => s.ReadAll(StoreRows.ListStudies, StoreRows.ReadSummary));

    public void SetPlan(long studyId, StudyPlan plan) => _dialect.Run("storing the study's plan", (s, _) =>
        s.Execute("UPDATE studies SET plan = @plan WHERE id = @study", ("@plan", JsonSerializer.Serialize(plan)), ("@study", studyId)));

    public void SaveFile(long studyId, StoredFile file) => _dialect.Run("uploading a data file", (s, _) => s.Execute(
        """
        INSERT INTO study_files(study_id, role, name, fingerprint, content) VALUES (@study, @role, @name, @fingerprint, @content)
        ON CONFLICT (study_id, role) DO UPDATE SET name = excluded.name, fingerprint = excluded.fingerprint, content = excluded.content
        """,
        ("@study", studyId), ("@role", file.Role), ("@name", file.Name), ("@fingerprint", file.Fingerprint), ("@content", file.Content)));

    public StoredFile? LoadFile(long studyId, string role) => _dialect.Run("downloading a data file", (s, _) => s.ReadAll(
        "SELECT name, fingerprint, content FROM study_files WHERE study_id = @study AND role = @role",
        r => new StoredFile(role, r.GetString(0), r.GetString(1), r.GetFieldValue<byte[]>(2)), ("@study", studyId), ("@role", role)).FirstOrDefault());

    public bool HasFile(long studyId, string role, string fingerprint) => _dialect.Run("checking a data file", (s, _) =>
        s.Scalar("SELECT 1 FROM study_files WHERE study_id = @study AND role = @role AND fingerprint = @fingerprint",
            ("@study", studyId), ("@role", role), ("@fingerprint", fingerprint)) is not null);

    public TrialRecord? TryStartTrial(long studyId, int number, TrialProposal proposal, string worker)
    {
        var started = DateTimeOffset.UtcNow;
        return _dialect.StartTrial(studyId, number, proposal, worker, started) is { } trialId ? StoreRows.Claimed(trialId, number, proposal, started) : null;
    }

    public void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps)
    {
        if (steps.Count > 0) _dialect.ReportSteps(trialId, steps);
    }

    public bool FinishTrial(long trialId, TrialResult result) => _dialect.FinishTrial(trialId, result);

    public void Heartbeat(IReadOnlyCollection<long> trialIds)
    {
        if (trialIds.Count == 0) return;
        _dialect.Run("sending a heartbeat", (s, _) => s.Execute(
            $"UPDATE trials SET heartbeat = {_dialect.Now} WHERE state = 'running' AND {_dialect.In("id", "@ids")}", ("@ids", _dialect.List(trialIds))));
    }

    public IReadOnlyList<string> RunningWorkers(long studyId) => _dialect.Run("reading the running trials", (s, _) =>
        s.ReadAll("SELECT DISTINCT worker FROM trials WHERE study_id = @study AND state = 'running'", r => StoreRows.ReadWorker(r, 0), ("@study", studyId)));

    public int InterruptSilentTrials(long studyId, TimeSpan silentFor, string reason) =>
        InterruptRunning(studyId, _dialect.HeartbeatOlderThan("@condition"), silentFor.TotalSeconds, reason);

    public int InterruptTrialsOf(long studyId, IReadOnlyCollection<string> workers, string reason) =>
        workers.Count == 0 ? 0 : InterruptRunning(studyId, _dialect.In("COALESCE(worker, '')", "@condition"), _dialect.List(workers), reason);

    public TrialChanges LoadChanges(long studyId, long sinceVersion) => _dialect.LoadChanges(studyId, sinceVersion);

    public IReadOnlyList<TrialRecord> LoadTrials(long studyId) => LoadChanges(studyId, TrialChanges.Start).Trials;

    public IReadOnlyList<EpochRecord> LoadSteps(long trialId) => _dialect.Run("reading steps", (s, _) =>
        s.ReadAll($"SELECT {StoreRows.StepColumns} FROM trial_steps WHERE trial_id = @trial ORDER BY step", StoreRows.ReadStep, ("@trial", trialId)));

    public IReadOnlyDictionary<long, StoredReplicates> LoadReplicates(long studyId) => _dialect.Run("reading score replicates", (s, _) => s.ReadAll(
        "SELECT r.trial_id, r.kind, r.replicates FROM trial_replicates r JOIN trials t ON t.id = r.trial_id WHERE t.study_id = @study",
        StoreRows.ReadReplicates, ("@study", studyId))).ToDictionary(r => r.TrialId, r => r.Replicates);

    public IReadOnlyList<CurvePoint> LoadCurves(IReadOnlyCollection<(long TrialId, int AfterStep)> trials)
    {
        if (trials.Count == 0) return [];
        var (keys, parameters) = _dialect.StepsAfter(trials);
        return _dialect.Run("reading learning curves", (s, _) => s.ReadAll(
            $"SELECT s.trial_id, s.step, s.valid_metric FROM trial_steps s JOIN {keys} k ON s.trial_id = k.trial_id AND s.step > k.after ORDER BY s.trial_id, s.step",
            StoreRows.ReadCurvePoint, parameters));
    }

    public void Dispose() => _dialect.Dispose();

    /// <summary>
    /// Marks the running trials matching <paramref name="condition"/> interrupted, under one new version. The
    /// check first keeps the usual case (none) from taking the write lock.
    /// </summary>
    private int InterruptRunning(long studyId, string condition, object argument, string reason) => _dialect.Run("giving up abandoned trials", (s, _) =>
    {
        const string running = "study_id = @study AND state = 'running'";
        if (s.Scalar($"SELECT 1 FROM trials WHERE {running} AND {condition} LIMIT 1", ("@study", studyId), ("@condition", argument)) is null) return 0;
        return s.InWriteTransaction(() =>
        {
            var interrupted = s.Execute(
                $"UPDATE trials SET state = 'interrupted', error = @reason, version = @version WHERE {running} AND {condition}",
                ("@reason", reason), ("@version", s.NextVersion(studyId)), ("@study", studyId), ("@condition", argument));
            return (interrupted > 0, interrupted);
        });
    });
}
