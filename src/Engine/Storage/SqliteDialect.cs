using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// The embedded store: one SQLite file. One connection guarded by a lock serves all trial threads; WAL
/// journaling keeps a reader (a report) from blocking the study. Writes take SQLite's write lock at once
/// (BEGIN IMMEDIATE), so processes sharing the file on one machine claim and version trials in turn. A full
/// disk or a lock held elsewhere past the busy timeout ends the call with one line (<see cref="SqliteFaults"/>);
/// the transaction it was in rolls back, so the store keeps every earlier commit. Every later call fails at once
/// with the same fault: the run it serves is ending, and the threads queued behind the first would otherwise
/// each wait out the busy timeout again. Opening the store again starts afresh.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private readonly SqliteConnection _connection;
    private readonly StoreSession _session;
    private readonly Lock _lock = new();
    private StoreUnavailableException? _fault;

    public SqliteDialect(string path)
    {
        Location = path;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until this timeout on top of SQLite's own busy_timeout wait;
            // the same bound for both keeps the whole wait near BusyTimeout instead of several of them.
            DefaultTimeout = (int)SqliteFaults.BusyTimeout.TotalSeconds,
        }.ToString());
        _session = new StoreSession(_connection, c => ((SqliteConnection)c).BeginTransaction(deferred: false));
        try
        {
            _connection.Open();
            _session.Execute($"PRAGMA busy_timeout={SqliteFaults.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
            // Foreign keys are off while migrating (they can only be switched outside a transaction): a migration that
            // rebuilds a table drops the old one, which they forbid. Rebuilt tables keep their ids, so references hold.
            _session.InWriteTransaction(() =>
            {
                var version = SchemaMigrations.Read(_session);
                if (version == 0) AddEarlyColumns();
                SchemaMigrations.Apply(_session, path, version, m => m.Sqlite);
                return (true, true);
            });
            _session.Execute("PRAGMA foreign_keys=ON;");
        }
        catch (Exception e)
        {
            _connection.Dispose();
            if (e is not SqliteException failure) throw;
            if (SqliteFaults.Explain(failure, path, "opening it") is { } fault) throw fault;
            throw new UserInputException($"Cannot open the study store '{path}': {failure.Message.TrimEnd('.')}; pass another --storage or --out.");
        }
    }

    public override string Location { get; }

    public override bool IsShared => false;

    public override T Run<T>(string action, Func<StoreSession, int, T> work)
    {
        lock (_lock)
        {
            if (_fault is not null) throw _fault;
            try
            {
                return work(_session, 0);
            }
            catch (SqliteException e) when (SqliteFaults.Explain(e, Location, action) is { } fault)
            {
                _fault = fault;
                throw fault;
            }
        }
    }

    public override object Timestamp(DateTimeOffset value) => value.ToString("O");

    public override object List<T>(IReadOnlyCollection<T> values) => JsonSerializer.Serialize(values);

    public override string In(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>Milliseconds since 1970, from the machine's clock (every process sharing the file is on this machine).</summary>
    public override string Now => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

    public override string HeartbeatOlderThan(string seconds) => $"COALESCE(heartbeat, 0) < {Now} - {seconds} * 1000";

    public override (string Table, (string Name, object? Value)[] Parameters) StepsAfter(IReadOnlyCollection<(long TrialId, int AfterStep)> trials) => (
        "(SELECT json_extract(value, '$[0]') AS trial_id, json_extract(value, '$[1]') AS after FROM json_each(@trials))",
        [("@trials", JsonSerializer.Serialize(trials.Select(t => new[] { t.TrialId, t.AfterStep })))]);

    public override long? StartTrial(long studyId, int number, TrialProposal proposal, string worker, DateTimeOffset started) => Run("claiming a trial",
        (s, _) => s.InWriteTransaction(() =>
        {
            var inserted = s.Scalar(
                """
                INSERT INTO trials(study_id, number, state, trainer, params, baseline, started, worker, heartbeat, version)
                VALUES (@study, @number, 'running', @trainer, @params, @baseline, @started, @worker, @now, @version)
                ON CONFLICT DO NOTHING RETURNING id
                """,
                ("@study", studyId), ("@number", number), ("@trainer", proposal.Trainer), ("@params", ParameterJson.Write(proposal.Parameters)),
                ("@baseline", proposal.IsBaseline), ("@started", Timestamp(started)), ("@worker", worker), ("@now", started.ToUnixTimeMilliseconds()),
                ("@version", s.NextVersion(studyId))) as long?;
            return (inserted is not null, inserted);
        }));

    public override void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps) => Run("storing steps", (s, _) => s.InWriteTransaction(() =>
    {
        // One statement per hundred steps, not one each; rows go in order, so a step given twice keeps its later values.
        foreach (var chunk in steps.Chunk(100))
        {
            var rows = chunk.Select((_, r) => $"(@trial, {string.Join(", ", Enumerable.Range(0, 8).Select(i => $"@p{r}_{i}"))})");
            s.Execute($"INSERT OR REPLACE INTO trial_steps(trial_id, {StoreRows.StepColumns}) VALUES {string.Join(", ", rows)}",
                [("@trial", trialId), .. chunk.SelectMany((step, r) => StoreRows.StepValues(step).Select((v, i) => ($"@p{r}_{i}", v)))]);
        }

        return (true, true);
    }));

    public override bool FinishTrial(long trialId, TrialResult result) => Run("recording a result", (s, _) => s.InWriteTransaction(() =>
    {
        if (s.Scalar("SELECT study_id FROM trials WHERE id = @trial AND state = 'running'", ("@trial", trialId)) is not long studyId) return (false, false);
        s.Execute(
            """
            UPDATE trials SET state = @state, value = @value, duration_s = @duration, peak_memory = @memory, error = @error, version = @version,
                              params = COALESCE(@params, params)
            WHERE id = @trial
            """,
            ("@state", StoreRows.Name(result.State)), ("@value", StoreRows.Finite(result.Value)), ("@duration", result.DurationSeconds),
            ("@memory", result.PeakMemoryBytes), ("@error", result.Error), ("@version", s.NextVersion(studyId)),
            ("@params", result.CutShortTo is { } parameters ? ParameterJson.Write(parameters) : null), ("@trial", trialId));

        // One statement for all the metrics (a dozen or so), not one each: each statement is parsed anew.
        foreach (var chunk in result.Metrics.Chunk(100))
            s.Execute(
                $"INSERT OR REPLACE INTO trial_metrics(trial_id, name, value) VALUES {string.Join(", ", chunk.Select((_, i) => $"(@trial, @name{i}, @value{i})"))}",
                [("@trial", trialId), .. chunk.SelectMany((m, i) => new (string, object?)[] { ($"@name{i}", m.Key), ($"@value{i}", StoreRows.Finite(m.Value)) })]);
        if (result.Replicates is { } replicates)
            s.Execute("INSERT OR REPLACE INTO trial_replicates(trial_id, kind, replicates) VALUES (@trial, @kind, @replicates)",
                ("@trial", trialId), ("@kind", StoreRows.ReplicateKindName(replicates)), ("@replicates", replicates.ToBytes()));
        return (true, true);
    }));

    /// <summary>Two reads in one read transaction, so the metrics and the trials come from the same snapshot.</summary>
    public override TrialChanges LoadChanges(long studyId, long sinceVersion) => Run("reading the history", (s, _) =>
        s.InTransaction(_connection.BeginTransaction(deferred: true), () =>
        {
            var metrics = new Dictionary<long, Dictionary<string, double>>();
            using (var command = s.Command(
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

            using var trials = s.Command(
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

            return (false, new TrialChanges(result, version));
        }));

    public override void Dispose() => _connection.Dispose();

    /// <summary>
    /// A store from before schema versions may be older than release 1, whose tables gained these columns one
    /// by one; the ones an existing table lacks are added, so migration 1 finds release 1's tables.
    /// </summary>
    private void AddEarlyColumns()
    {
        foreach (var (table, column, definition) in SqliteSchema.EarlyColumns)
        {
            var columns = _session.ReadAll($"SELECT name FROM pragma_table_info('{table}')", r => r.GetString(0));
            if (columns.Count > 0 && !columns.Contains(column, StringComparer.OrdinalIgnoreCase))
                _session.Execute($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
        }
    }
}
