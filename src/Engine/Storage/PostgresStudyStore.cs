using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// The shared store: a PostgreSQL database that workers on many machines use at once. Each call takes a
/// pooled connection, so trial threads do not wait for each other. Claims and results are single
/// statements (atomic without a client-side transaction), and every call is retried through
/// <see cref="PostgresRetry"/> when the server is briefly gone, written so a retry never records twice.
/// </summary>
public sealed class PostgresStudyStore : IStudyStore
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresRetry _retry;

    public PostgresStudyStore(string connectionString, ILogger? logger = null, TimeSpan? maxOutage = null)
    {
        var builder = PostgresConnection.Parse(connectionString);
        Location = PostgresConnection.Describe(builder);
        _source = NpgsqlDataSource.Create(PostgresConnection.ForStore(builder));
        _retry = new PostgresRetry(Location, logger, maxOutage ?? TimeSpan.FromMinutes(10));
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction();
            Execute(connection, "SELECT pg_advisory_xact_lock(@lock)", ("@lock", PostgresSchema.CreateLock));
            Execute(connection, PostgresSchema.Create);
            transaction.Commit();
        }
        catch (NpgsqlException e)
        {
            _source.Dispose();
            throw PostgresConnection.Explain(e, Location);
        }
    }

    public string Location { get; }

    public bool IsShared => true;

    public StudyInfo? FindStudy(string name) => _retry.Run("reading a study", _ =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, $"SELECT {StoreRows.StudyColumns} FROM studies WHERE name = @name", ("@name", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? StoreRows.ReadStudy(reader) : null;
    });

    public StudyInfo CreateStudy(string name, StudyConfig config)
    {
        var created = DateTimeOffset.UtcNow;
        var id = _retry.Run("creating a study", _ =>
        {
            using var connection = _source.OpenConnection();
            using var command = Command(connection,
                """
                INSERT INTO studies(name, created, task, metric, config) VALUES (@name, @created, @task, @metric, @config)
                ON CONFLICT (name) DO NOTHING RETURNING id
                """,
                ("@name", name), ("@created", created), ("@task", config.Task), ("@metric", config.Metric), ("@config", JsonSerializer.Serialize(config)));
            return command.ExecuteScalar() as long?;
        });
        return id is { } studyId ? new StudyInfo(studyId, name, created, config) : FindStudy(name)!;
    }

    public IReadOnlyList<StudySummary> ListStudies() => _retry.Run("listing studies", _ =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, StoreRows.ListStudies);
        return StoreRows.ReadAll(command, StoreRows.ReadSummary);
    });

    public void SetPlan(long studyId, StudyPlan plan) => NonQuery("storing the study's plan",
        "UPDATE studies SET plan = @plan WHERE id = @study", ("@plan", JsonSerializer.Serialize(plan)), ("@study", studyId));

    public void SaveFile(long studyId, StoredFile file) => NonQuery("uploading a data file",
        """
        INSERT INTO study_files(study_id, role, name, fingerprint, content) VALUES (@study, @role, @name, @fingerprint, @content)
        ON CONFLICT (study_id, role) DO UPDATE SET name = excluded.name, fingerprint = excluded.fingerprint, content = excluded.content
        """,
        ("@study", studyId), ("@role", file.Role), ("@name", file.Name), ("@fingerprint", file.Fingerprint), ("@content", file.Content));

    public StoredFile? LoadFile(long studyId, string role) => _retry.Run("downloading a data file", _ =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, "SELECT name, fingerprint, content FROM study_files WHERE study_id = @study AND role = @role",
            ("@study", studyId), ("@role", role));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredFile(role, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)) : null;
    });

    public bool HasFile(long studyId, string role, string fingerprint) => _retry.Run("checking a data file", _ =>
    {
        using var connection = _source.OpenConnection();
        return Scalar(connection, "SELECT 1 FROM study_files WHERE study_id = @study AND role = @role AND fingerprint = @fingerprint",
            ("@study", studyId), ("@role", role), ("@fingerprint", fingerprint)) is not null;
    });

    public TrialRecord? TryStartTrial(long studyId, int number, TrialProposal proposal, string worker)
    {
        var claim = Guid.NewGuid();
        var started = DateTimeOffset.UtcNow;
        var id = _retry.Run("claiming a trial", attempt =>
        {
            using var connection = _source.OpenConnection();
            // A retry first checks whether the earlier attempt's claim went through before its answer was lost.
            if (attempt > 0 && Scalar(connection, "SELECT id FROM trials WHERE claim = @claim", ("@claim", claim)) is long claimed) return claimed;
            return Scalar(connection, PostgresSchema.StartTrial,
                ("@study", studyId), ("@number", number), ("@trainer", proposal.Trainer), ("@params", ParameterJson.Write(proposal.Parameters)),
                ("@baseline", proposal.IsBaseline), ("@started", started), ("@worker", worker), ("@claim", claim)) as long?;
        });
        return id is { } trialId ? StoreRows.Claimed(trialId, number, proposal, started) : null;
    }

    public void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps)
    {
        if (steps.Count == 0) return;
        double?[] Column(Func<EpochRecord, double> value) => steps.Select(s => StoreRows.FiniteOrNull(value(s))).ToArray();
        NonQuery("storing steps", PostgresSchema.ReportSteps,
            ("@trial", trialId), ("@p0", steps.Select(s => s.Epoch).ToArray()), ("@p1", Column(s => s.TrainingLoss)), ("@p2", Column(s => s.ValidationLoss)),
            ("@p3", Column(s => s.ValidationMetric)), ("@p4", Column(s => s.LearningRate)), ("@p5", Column(s => s.GradientNorm)),
            ("@p6", Column(s => s.WeightNorm)), ("@p7", steps.Select(StoreRows.LayerNormsJson).ToArray()));
    }

    public bool FinishTrial(long trialId, TrialResult result) => _retry.Run("recording a result", attempt =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, PostgresSchema.FinishTrial,
            ("@trial", trialId), ("@state", StoreRows.Name(result.State)), ("@value", StoreRows.Finite(result.Value)), ("@duration", result.DurationSeconds),
            ("@memory", result.PeakMemoryBytes), ("@error", result.Error), ("@names", result.Metrics.Keys.ToArray()),
            ("@values", result.Metrics.Values.Select(v => StoreRows.FiniteOrNull(v)).ToArray()));
        if ((long)command.ExecuteScalar()! == 1) return true;
        // Not running any more: recorded by an earlier attempt whose answer was lost, or given up by the study.
        return attempt > 0 && RecordedAs(connection, trialId, result);
    });

    public void Heartbeat(IReadOnlyCollection<long> trialIds)
    {
        if (trialIds.Count == 0) return;
        NonQuery("sending a heartbeat", "UPDATE trials SET heartbeat = now() WHERE id = ANY(@ids) AND state = 'running'", ("@ids", trialIds.ToArray()));
    }

    public IReadOnlyList<string> RunningWorkers(long studyId) => _retry.Run("reading the running trials", _ =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, "SELECT DISTINCT worker FROM trials WHERE study_id = @study AND state = 'running'", ("@study", studyId));
        return StoreRows.ReadAll(command, r => StoreRows.ReadWorker(r, 0));
    });

    public int FailSilentTrials(long studyId, TimeSpan silentFor, string reason) =>
        FailRunning(studyId, "COALESCE(heartbeat, '-infinity') < now() - @condition * interval '1 second'", silentFor.TotalSeconds, reason);

    public int FailTrialsOf(long studyId, IReadOnlyCollection<string> workers, string reason) =>
        workers.Count == 0 ? 0 : FailRunning(studyId, "COALESCE(worker, '') = ANY(@condition)", workers.ToArray(), reason);

    public TrialChanges LoadChanges(long studyId, long sinceVersion) => _retry.Run("reading the history", _ =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, PostgresSchema.LoadChanges, ("@study", studyId), ("@since", sinceVersion));
        using var reader = command.ExecuteReader();
        var trials = new List<TrialRecord>();
        var version = sinceVersion;
        while (reader.Read())
        {
            trials.Add(StoreRows.ReadTrial(reader, StoreRows.ReadMetricsJson(reader.IsDBNull(12) ? null : reader.GetString(12))));
            version = Math.Max(version, StoreRows.ReadVersion(reader));
        }

        return new TrialChanges(trials, version);
    });

    public IReadOnlyList<TrialRecord> LoadTrials(long studyId) => LoadChanges(studyId, TrialChanges.Start).Trials;

    public IReadOnlyList<EpochRecord> LoadSteps(long trialId) => _retry.Run("reading steps", _ =>
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, $"SELECT {StoreRows.StepColumns} FROM trial_steps WHERE trial_id = @trial ORDER BY step", ("@trial", trialId));
        return StoreRows.ReadAll(command, StoreRows.ReadStep);
    });

    public IReadOnlyList<CurvePoint> LoadCurves(IReadOnlyCollection<(long TrialId, int AfterStep)> trials)
    {
        if (trials.Count == 0) return [];
        return _retry.Run("reading learning curves", _ =>
        {
            using var connection = _source.OpenConnection();
            using var command = Command(connection,
                """
                SELECT s.trial_id, s.step, s.valid_metric FROM trial_steps s
                JOIN unnest(@ids::bigint[], @after::integer[]) AS k(trial_id, after) ON s.trial_id = k.trial_id AND s.step > k.after
                ORDER BY s.trial_id, s.step
                """,
                ("@ids", trials.Select(t => t.TrialId).ToArray()), ("@after", trials.Select(t => t.AfterStep).ToArray()));
            return StoreRows.ReadAll(command, StoreRows.ReadCurvePoint);
        });
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Fails the running trials matching a condition; the cheap check first keeps the common "none" case lock-free.</summary>
    private int FailRunning(long studyId, string condition, object argument, string reason) => _retry.Run("giving up abandoned trials", _ =>
    {
        using var connection = _source.OpenConnection();
        var any = Scalar(connection, $"SELECT EXISTS (SELECT 1 FROM trials WHERE study_id = @study AND state = 'running' AND {condition})",
            ("@study", studyId), ("@condition", argument));
        if (any is not true) return 0;
        using var command = Command(connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, PostgresSchema.FailRunning, condition),
            ("@study", studyId), ("@reason", reason), ("@condition", argument));
        return command.ExecuteNonQuery();
    });

    private static bool RecordedAs(NpgsqlConnection connection, long trialId, TrialResult result)
    {
        using var command = Command(connection, "SELECT state, error FROM trials WHERE id = @trial", ("@trial", trialId));
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetString(0) == StoreRows.Name(result.State) && (reader.IsDBNull(1) ? null : reader.GetString(1)) == result.Error;
    }

    private void NonQuery(string action, string sql, params (string Name, object? Value)[] parameters) => _retry.Run(action, _ =>
    {
        using var connection = _source.OpenConnection();
        return Execute(connection, sql, parameters);
    });

    private static int Execute(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
