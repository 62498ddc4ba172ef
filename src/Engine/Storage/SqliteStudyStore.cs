using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// The embedded store: one SQLite file. One connection guarded by a lock serves all trial threads; WAL
/// journaling keeps a reader (a report) from blocking the study. Writes take SQLite's write lock at once
/// (BEGIN IMMEDIATE), so processes sharing the file on one machine claim and version trials in turn.
/// </summary>
public sealed class SqliteStudyStore : IStudyStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private SqliteTransaction? _transaction;

    public SqliteStudyStore(string path)
    {
        Location = path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            Execute("PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            InTransaction(() =>
            {
                Execute(SqliteSchema.Create);
                foreach (var (table, column, definition) in SqliteSchema.Upgrades.Where(u => !Columns(u.Table).Contains(u.Column)))
                    Execute($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
                Execute(SqliteSchema.Indexes);
                return (true, true);
            });
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new UserInputException($"Cannot open the study store '{path}': {e.Message.TrimEnd('.')}; pass another --storage or --out.");
        }
    }

    public string Location { get; }

    public bool IsShared => false;

    public StudyInfo? FindStudy(string name)
    {
        lock (_lock)
        {
            using var command = Command($"SELECT {StoreRows.StudyColumns} FROM studies WHERE name = @name", ("@name", name));
            using var reader = command.ExecuteReader();
            return reader.Read() ? StoreRows.ReadStudy(reader) : null;
        }
    }

    public StudyInfo CreateStudy(string name, StudyConfig config)
    {
        lock (_lock)
        {
            var created = DateTimeOffset.UtcNow;
            using var command = Command(
                """
                INSERT INTO studies(name, created, task, metric, config) VALUES (@name, @created, @task, @metric, @config)
                ON CONFLICT (name) DO NOTHING RETURNING id
                """,
                ("@name", name), ("@created", created.ToString("O")), ("@task", config.Task), ("@metric", config.Metric),
                ("@config", JsonSerializer.Serialize(config)));
            if (command.ExecuteScalar() is long id) return new StudyInfo(id, name, created, config);
        }

        return FindStudy(name)!;
    }

    public IReadOnlyList<StudySummary> ListStudies()
    {
        lock (_lock)
        {
            using var command = Command(StoreRows.ListStudies);
            return StoreRows.ReadAll(command, StoreRows.ReadSummary);
        }
    }

    public void SetPlan(long studyId, StudyPlan plan)
    {
        lock (_lock)
        {
            using var command = Command("UPDATE studies SET plan = @plan WHERE id = @study", ("@plan", JsonSerializer.Serialize(plan)), ("@study", studyId));
            command.ExecuteNonQuery();
        }
    }

    public void SaveFile(long studyId, StoredFile file)
    {
        lock (_lock)
        {
            using var command = Command(
                "INSERT OR REPLACE INTO study_files(study_id, role, name, fingerprint, content) VALUES (@study, @role, @name, @fingerprint, @content)",
                ("@study", studyId), ("@role", file.Role), ("@name", file.Name), ("@fingerprint", file.Fingerprint), ("@content", file.Content));
            command.ExecuteNonQuery();
        }
    }

    public StoredFile? LoadFile(long studyId, string role)
    {
        lock (_lock)
        {
            using var command = Command("SELECT name, fingerprint, content FROM study_files WHERE study_id = @study AND role = @role",
                ("@study", studyId), ("@role", role));
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredFile(role, reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)) : null;
        }
    }

    public bool HasFile(long studyId, string role, string fingerprint)
    {
        lock (_lock)
        {
            using var command = Command("SELECT 1 FROM study_files WHERE study_id = @study AND role = @role AND fingerprint = @fingerprint",
                ("@study", studyId), ("@role", role), ("@fingerprint", fingerprint));
            return command.ExecuteScalar() is not null;
        }
    }

    public TrialRecord? TryStartTrial(long studyId, int number, TrialProposal proposal, string worker)
    {
        var started = DateTimeOffset.UtcNow;
        var id = InTransaction(() =>
        {
            var version = NextVersion(studyId);
            using var insert = Command(
                """
                INSERT INTO trials(study_id, number, state, trainer, params, baseline, started, worker, heartbeat, version)
                VALUES (@study, @number, 'running', @trainer, @params, @baseline, @started, @worker, @now, @version)
                ON CONFLICT DO NOTHING RETURNING id
                """,
                ("@study", studyId), ("@number", number), ("@trainer", proposal.Trainer), ("@params", ParameterJson.Write(proposal.Parameters)),
                ("@baseline", proposal.IsBaseline), ("@started", started.ToString("O")), ("@worker", worker), ("@now", started.ToUnixTimeMilliseconds()),
                ("@version", version));
            var inserted = insert.ExecuteScalar() as long?;
            return (inserted is not null, inserted);
        });
        return id is { } trialId ? StoreRows.Claimed(trialId, number, proposal, started) : null;
    }

    public void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps)
    {
        if (steps.Count == 0) return;
        InTransaction(() =>
        {
            // One statement per hundred steps, not one each; rows go in order, so a step given twice keeps its later values.
            foreach (var chunk in steps.Chunk(100))
            {
                var rows = chunk.Select((_, r) => $"(@trial, {string.Join(", ", Enumerable.Range(0, 8).Select(i => $"@p{r}_{i}"))})");
                using var command = Command(
                    $"INSERT OR REPLACE INTO trial_steps(trial_id, {StoreRows.StepColumns}) VALUES {string.Join(", ", rows)}",
                    [("@trial", trialId), .. chunk.SelectMany((step, r) => StoreRows.StepValues(step).Select((v, i) => ($"@p{r}_{i}", v)))]);
                command.ExecuteNonQuery();
            }

            return (true, true);
        });
    }

    public bool FinishTrial(long trialId, TrialResult result) => InTransaction(() =>
    {
        using (var find = Command("SELECT study_id FROM trials WHERE id = @trial AND state = 'running'", ("@trial", trialId)))
        {
            if (find.ExecuteScalar() is not long studyId) return (false, false);
            using var update = Command(
                """
                UPDATE trials SET state = @state, value = @value, duration_s = @duration, peak_memory = @memory, error = @error, version = @version
                WHERE id = @trial
                """,
                ("@state", StoreRows.Name(result.State)), ("@value", StoreRows.Finite(result.Value)), ("@duration", result.DurationSeconds),
                ("@memory", result.PeakMemoryBytes), ("@error", result.Error), ("@version", NextVersion(studyId)), ("@trial", trialId));
            update.ExecuteNonQuery();
        }

        // One statement for all the metrics (a dozen or so), not one each: each statement is parsed anew.
        foreach (var chunk in result.Metrics.Chunk(100))
        {
            using var insert = Command(
                $"INSERT OR REPLACE INTO trial_metrics(trial_id, name, value) VALUES {string.Join(", ", chunk.Select((_, i) => $"(@trial, @name{i}, @value{i})"))}",
                [("@trial", trialId), .. chunk.SelectMany((m, i) => new (string, object?)[] { ($"@name{i}", m.Key), ($"@value{i}", StoreRows.Finite(m.Value)) })]);
            insert.ExecuteNonQuery();
        }

        return (true, true);
    });

    public void Heartbeat(IReadOnlyCollection<long> trialIds)
    {
        if (trialIds.Count == 0) return;
        lock (_lock)
        {
            using var command = Command(
                "UPDATE trials SET heartbeat = @now WHERE state = 'running' AND id IN (SELECT value FROM json_each(@ids))",
                ("@now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ("@ids", JsonSerializer.Serialize(trialIds)));
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<string> RunningWorkers(long studyId)
    {
        lock (_lock)
        {
            using var command = Command("SELECT DISTINCT worker FROM trials WHERE study_id = @study AND state = 'running'", ("@study", studyId));
            return StoreRows.ReadAll(command, r => StoreRows.ReadWorker(r, 0));
        }
    }

    public int FailSilentTrials(long studyId, TimeSpan silentFor, string reason) =>
        FailRunning(studyId, "COALESCE(heartbeat, 0) < @condition", (DateTimeOffset.UtcNow - silentFor).ToUnixTimeMilliseconds(), reason);

    public int FailTrialsOf(long studyId, IReadOnlyCollection<string> workers, string reason) =>
        workers.Count == 0 ? 0
        : FailRunning(studyId, "COALESCE(worker, '') IN (SELECT value FROM json_each(@condition))", JsonSerializer.Serialize(workers), reason);

    public TrialChanges LoadChanges(long studyId, long sinceVersion)
    {
        lock (_lock)
        {
            // One read transaction: the metrics and the trials come from the same snapshot.
            using var snapshot = _connection.BeginTransaction(deferred: true);
            _transaction = snapshot;
            try
            {
                var metrics = new Dictionary<long, Dictionary<string, double>>();
                using (var command = Command(
                    "SELECT m.trial_id, m.name, m.value FROM trial_metrics m JOIN trials t ON t.id = m.trial_id WHERE t.study_id = @study AND t.version > @since",
                    ("@study", studyId), ("@since", sinceVersion)))
                using (var reader = command.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        if (!metrics.TryGetValue(reader.GetInt64(0), out var map)) metrics[reader.GetInt64(0)] = map = [];
                        map[reader.GetString(1)] = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
                    }
                }

                using var trials = Command(
                    $"SELECT {StoreRows.TrialColumns} FROM trials WHERE study_id = @study AND version > @since ORDER BY number",
                    ("@study", studyId), ("@since", sinceVersion));
                using var rows = trials.ExecuteReader();
                var result = new List<TrialRecord>();
                var version = sinceVersion;
                while (rows.Read())
                {
                    result.Add(StoreRows.ReadTrial(rows, metrics.GetValueOrDefault(rows.GetInt64(0)) ?? new Dictionary<string, double>()));
                    version = Math.Max(version, StoreRows.ReadVersion(rows));
                }

                return new TrialChanges(result, version);
            }
            finally
            {
                _transaction = null;
            }
        }
    }

    public IReadOnlyList<TrialRecord> LoadTrials(long studyId) => LoadChanges(studyId, TrialChanges.Start).Trials;

    public IReadOnlyList<EpochRecord> LoadSteps(long trialId)
    {
        lock (_lock)
        {
            using var command = Command($"SELECT {StoreRows.StepColumns} FROM trial_steps WHERE trial_id = @trial ORDER BY step", ("@trial", trialId));
            return StoreRows.ReadAll(command, StoreRows.ReadStep);
        }
    }

    public IReadOnlyList<CurvePoint> LoadCurves(IReadOnlyCollection<(long TrialId, int AfterStep)> trials)
    {
        if (trials.Count == 0) return [];
        lock (_lock)
        {
            using var command = Command(
                """
                SELECT s.trial_id, s.step, s.valid_metric FROM trial_steps s
                JOIN json_each(@trials) k ON s.trial_id = json_extract(k.value, '$[0]') AND s.step > json_extract(k.value, '$[1]')
                ORDER BY s.trial_id, s.step
                """,
                ("@trials", JsonSerializer.Serialize(trials.Select(t => new[] { t.TrialId, t.AfterStep }))));
            return StoreRows.ReadAll(command, StoreRows.ReadCurvePoint);
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Marks the running trials matching <paramref name="condition"/> failed, under one new version.</summary>
    private int FailRunning(long studyId, string condition, object argument, string reason) => InTransaction(() =>
    {
        using var update = Command(
            $"UPDATE trials SET state = 'failed', error = @reason, version = @version WHERE study_id = @study AND state = 'running' AND {condition}",
            ("@reason", reason), ("@version", NextVersion(studyId)), ("@study", studyId), ("@condition", argument));
        var failed = update.ExecuteNonQuery();
        return (failed > 0, failed);
    });

    /// <summary>Bumps the study's version inside the write transaction and returns it for the trial being changed.</summary>
    private long NextVersion(long studyId)
    {
        using var command = Command("UPDATE studies SET version = version + 1 WHERE id = @study RETURNING version", ("@study", studyId));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, committed only when it says so.</summary>
    private T InTransaction<T>(Func<(bool Commit, T Result)> work)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            _transaction = transaction;
            try
            {
                var (commit, result) = work();
                if (commit) transaction.Commit();
                else transaction.Rollback();
                return result;
            }
            finally
            {
                _transaction = null;
            }
        }
    }

    private HashSet<string> Columns(string table)
    {
        using var command = Command($"SELECT name FROM pragma_table_info('{table}')");
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
