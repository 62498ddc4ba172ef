using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// The embedded store: one SQLite file. One connection guarded by a lock serves all trial threads; WAL
/// journaling keeps a reader (a report) from blocking the study.
/// </summary>
public sealed class SqliteStudyStore : IStudyStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    public SqliteStudyStore(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            Execute(SqliteSchema.Create);
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new UserInputException($"Cannot open the study store '{path}': {e.Message.TrimEnd('.')}; pass another --storage or --out.");
        }
    }

    public StudyInfo? FindStudy(string name)
    {
        lock (_lock)
        {
            using var command = Command("SELECT id, name, created, config FROM studies WHERE name = $name", ("$name", name));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadStudy(reader) : null;
        }
    }

    public StudyInfo CreateStudy(string name, StudyConfig config)
    {
        lock (_lock)
        {
            var created = DateTimeOffset.UtcNow;
            using var command = Command(
                "INSERT INTO studies(name, created, task, metric, config) VALUES ($name, $created, $task, $metric, $config) RETURNING id",
                ("$name", name), ("$created", created.ToString("O")), ("$task", config.Task), ("$metric", config.Metric),
                ("$config", JsonSerializer.Serialize(config)));
            return new StudyInfo((long)command.ExecuteScalar()!, name, created, config);
        }
    }

    public IReadOnlyList<StudySummary> ListStudies()
    {
        lock (_lock)
        {
            using var command = Command(SqliteSchema.ListStudies);
            using var reader = command.ExecuteReader();
            var result = new List<StudySummary>();
            while (reader.Read())
            {
                var config = JsonSerializer.Deserialize<StudyConfig>(reader.GetString(2))!;
                var best = reader.IsDBNull(6) ? (double?)null : config.HigherIsBetter ? reader.GetDouble(6) : reader.GetDouble(5);
                result.Add(new StudySummary(reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                    config.Task, config.Metric, reader.GetInt32(3), reader.GetInt32(4), best));
            }

            return result;
        }
    }

    public TrialRecord StartTrial(long studyId, TrialProposal proposal)
    {
        lock (_lock)
        {
            var started = DateTimeOffset.UtcNow;
            using var command = Command(
                """
                INSERT INTO trials(study_id, number, state, trainer, params, baseline, started)
                VALUES ($study, (SELECT COALESCE(MAX(number) + 1, 0) FROM trials WHERE study_id = $study), 'running', $trainer, $params, $baseline, $started)
                RETURNING id, number
                """,
                ("$study", studyId), ("$trainer", proposal.Trainer), ("$params", ParameterJson.Write(proposal.Parameters)),
                ("$baseline", proposal.IsBaseline ? 1 : 0), ("$started", started.ToString("O")));
            using var reader = command.ExecuteReader();
            reader.Read();
            return new TrialRecord(reader.GetInt64(0), reader.GetInt32(1), TrialState.Running, proposal.Trainer, proposal.Parameters,
                proposal.IsBaseline, started, null, null, null, null, new Dictionary<string, double>());
        }
    }

    public void ReportStep(long trialId, EpochRecord step)
    {
        lock (_lock)
        {
            using var command = Command(
                """
                INSERT OR REPLACE INTO trial_steps(trial_id, step, train_loss, valid_loss, valid_metric, learning_rate, grad_norm, weight_norm, layer_grad_norms)
                VALUES ($trial, $step, $train, $valid, $metric, $lr, $grad, $weight, $layers)
                """,
                ("$trial", trialId), ("$step", step.Epoch), ("$train", Finite(step.TrainingLoss)), ("$valid", Finite(step.ValidationLoss)),
                ("$metric", Finite(step.ValidationMetric)), ("$lr", Finite(step.LearningRate)), ("$grad", Finite(step.GradientNorm)),
                ("$weight", Finite(step.WeightNorm)), ("$layers", JsonSerializer.Serialize(step.LayerGradientNorms.Select(v => Finite(v)))));
            command.ExecuteNonQuery();
        }
    }

    public void FinishTrial(long trialId, TrialResult result)
    {
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            using (var update = Command(
                "UPDATE trials SET state = $state, value = $value, duration_s = $duration, peak_memory = $memory, error = $error WHERE id = $id",
                ("$state", Name(result.State)), ("$value", Finite(result.Value)), ("$duration", result.DurationSeconds),
                ("$memory", result.PeakMemoryBytes), ("$error", result.Error), ("$id", trialId)))
            {
                update.Transaction = transaction;
                update.ExecuteNonQuery();
            }

            foreach (var (name, value) in result.Metrics)
            {
                using var insert = Command("INSERT OR REPLACE INTO trial_metrics(trial_id, name, value) VALUES ($id, $name, $value)",
                    ("$id", trialId), ("$name", name), ("$value", Finite(value)));
                insert.Transaction = transaction;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public IReadOnlyList<TrialRecord> LoadTrials(long studyId)
    {
        lock (_lock)
        {
            var metrics = new Dictionary<long, Dictionary<string, double>>();
            using (var command = Command(
                "SELECT m.trial_id, m.name, m.value FROM trial_metrics m JOIN trials t ON t.id = m.trial_id WHERE t.study_id = $study", ("$study", studyId)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (!metrics.TryGetValue(reader.GetInt64(0), out var map)) metrics[reader.GetInt64(0)] = map = [];
                    map[reader.GetString(1)] = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
                }
            }

            using var trials = Command(
                "SELECT id, number, state, trainer, params, baseline, started, duration_s, peak_memory, error, value FROM trials WHERE study_id = $study ORDER BY number",
                ("$study", studyId));
            using var rows = trials.ExecuteReader();
            var result = new List<TrialRecord>();
            while (rows.Read())
            {
                var id = rows.GetInt64(0);
                result.Add(new TrialRecord(id, rows.GetInt32(1), Enum.Parse<TrialState>(rows.GetString(2), ignoreCase: true), rows.GetString(3),
                    ParameterJson.Read(rows.GetString(4)), rows.GetInt32(5) == 1, DateTimeOffset.Parse(rows.GetString(6), CultureInfo.InvariantCulture),
                    rows.IsDBNull(7) ? null : rows.GetDouble(7), rows.IsDBNull(8) ? null : rows.GetInt64(8), rows.IsDBNull(9) ? null : rows.GetString(9),
                    rows.IsDBNull(10) ? null : rows.GetDouble(10), metrics.GetValueOrDefault(id) ?? new Dictionary<string, double>()));
            }

            return result;
        }
    }

    public IReadOnlyList<EpochRecord> LoadSteps(long trialId)
    {
        lock (_lock)
        {
            using var command = Command(
                "SELECT step, train_loss, valid_loss, valid_metric, learning_rate, grad_norm, weight_norm, layer_grad_norms FROM trial_steps WHERE trial_id = $id ORDER BY step",
                ("$id", trialId));
            using var reader = command.ExecuteReader();
            var result = new List<EpochRecord>();
            while (reader.Read())
            {
                double At(int i) => reader.IsDBNull(i) ? double.NaN : reader.GetDouble(i);
                var layers = JsonSerializer.Deserialize<double?[]>(reader.GetString(7))!.Select(v => v ?? double.NaN).ToList();
                result.Add(new EpochRecord(reader.GetInt32(0), At(1), At(2), At(3), At(4), At(5), At(6), layers));
            }

            return result;
        }
    }

    public int FailAbandonedTrials(long studyId, string reason)
    {
        lock (_lock)
        {
            using var command = Command("UPDATE trials SET state = 'failed', error = $reason WHERE study_id = $study AND state = 'running'",
                ("$reason", reason), ("$study", studyId));
            return command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _connection.Dispose();

    public static string Name(TrialState state) => state.ToString().ToLowerInvariant();

    private static StudyInfo ReadStudy(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<StudyConfig>(reader.GetString(3))!);

    // SQLite stores NaN as NULL; infinities would break readers that expect numbers.
    private static object? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
