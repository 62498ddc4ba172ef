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
/// Heartbeats read the server's clock, so machines whose clocks differ agree on which worker went silent.
/// </summary>
internal sealed class PostgresDialect : StoreDialect
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresRetry _retry;

    public PostgresDialect(string connectionString, ILogger? logger = null, TimeSpan? maxOutage = null, CancellationToken stopWaiting = default)
    {
        var builder = PostgresConnection.Parse(connectionString);
        Location = PostgresConnection.Describe(builder);
        _source = NpgsqlDataSource.Create(PostgresConnection.ForStore(builder));
        _retry = new PostgresRetry(Location, logger, maxOutage ?? PostgresRetry.DefaultMaxOutage, stopWaiting);
        try
        {
            using var connection = _source.OpenConnection();
            var session = Session(connection);
            session.InWriteTransaction(() =>
            {
                session.Execute("SELECT pg_advisory_xact_lock(@lock)", ("@lock", PostgresSchema.MigrationLock));
                SchemaMigrations.Apply(session, Location, SchemaMigrations.Read(session), m => m.Postgres);
                return (true, true);
            });
        }
        catch (Exception e)
        {
            _source.Dispose();
            if (e is NpgsqlException failure) throw PostgresConnection.Explain(failure, Location);
            throw;
        }
    }

    public override string Location { get; }

    public override bool IsShared => true;

    public override T Run<T>(string action, Func<StoreSession, int, T> work) => _retry.Run(action, attempt =>
    {
        using var connection = _source.OpenConnection();
        return work(Session(connection), attempt);
    });

    public override object Timestamp(DateTimeOffset value) => value;

    public override object List<T>(IReadOnlyCollection<T> values) => values.ToArray();

    public override string In(string column, string parameter) => $"{column} = ANY({parameter})";

    public override string Now => "now()";

    public override string HeartbeatOlderThan(string seconds) => $"COALESCE(heartbeat, '-infinity') < now() - {seconds} * interval '1 second'";

    public override (string Table, (string Name, object? Value)[] Parameters) StepsAfter(IReadOnlyCollection<(long TrialId, int AfterStep)> trials) => (
        "(SELECT * FROM unnest(@ids::bigint[], @after::integer[]) AS u(trial_id, after))",
        [("@ids", trials.Select(t => t.TrialId).ToArray()), ("@after", trials.Select(t => t.AfterStep).ToArray())]);

    public override long? StartTrial(long studyId, int number, TrialProposal proposal, string worker, DateTimeOffset started)
    {
        var claim = Guid.NewGuid();
        return Run("claiming a trial", (s, attempt) =>
        {
            // A retry first checks whether the earlier attempt's claim went through before its answer was lost.
            if (attempt > 0 && s.Scalar("SELECT id FROM trials WHERE claim = @claim", ("@claim", claim)) is long claimed) return claimed;
            return s.Scalar(PostgresSchema.StartTrial,
                ("@study", studyId), ("@number", number), ("@trainer", proposal.Trainer), ("@params", ParameterJson.Write(proposal.Parameters)),
                ("@baseline", proposal.IsBaseline), ("@started", started), ("@worker", worker), ("@claim", claim)) as long?;
        });
    }

    public override void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps)
    {
        double?[] Column(Func<EpochRecord, double> value) => steps.Select(s => StoreRows.FiniteOrNull(value(s))).ToArray();
        Run("storing steps", (s, _) => s.Execute(PostgresSchema.ReportSteps,
            ("@trial", trialId), ("@p0", steps.Select(s => s.Epoch).ToArray()), ("@p1", Column(s => s.TrainingLoss)), ("@p2", Column(s => s.ValidationLoss)),
            ("@p3", Column(s => s.ValidationMetric)), ("@p4", Column(s => s.LearningRate)), ("@p5", Column(s => s.GradientNorm)),
            ("@p6", Column(s => s.WeightNorm)), ("@p7", steps.Select(StoreRows.LayerNormsJson).ToArray())));
    }

    public override bool FinishTrial(long trialId, TrialResult result) => Run("recording a result", (s, attempt) =>
    {
        var finished = (long)s.Scalar(PostgresSchema.FinishTrial,
            ("@trial", trialId), ("@state", StoreRows.Name(result.State)), ("@value", StoreRows.Finite(result.Value)), ("@duration", result.DurationSeconds),
            ("@memory", result.PeakMemoryBytes), ("@error", result.Error),
            ("@params", result.CutShortTo is { } parameters ? ParameterJson.Write(parameters) : null), ("@names", result.Metrics.Keys.ToArray()),
            ("@values", result.Metrics.Values.Select(v => StoreRows.FiniteOrNull(v)).ToArray()),
            ("@kind", StoreRows.ReplicateKindName(result.Replicates)), ("@replicates", result.Replicates?.ToBytes()))!;
        if (finished == 1) return true;
        // Not running any more: recorded by an earlier attempt whose answer was lost, or given up by the study.
        return attempt > 0 && RecordedAs(s, trialId, result);
    });

    public override TrialChanges LoadChanges(long studyId, long sinceVersion) => Run("reading the history", (s, _) =>
    {
        using var command = s.Command(PostgresSchema.LoadChanges, ("@study", studyId), ("@since", sinceVersion));
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

    public override void Dispose() => _source.Dispose();

    private static StoreSession Session(NpgsqlConnection connection) => new(connection, c => c.BeginTransaction());

    private static bool RecordedAs(StoreSession session, long trialId, TrialResult result)
    {
        var recorded = session.ReadAll("SELECT state, error FROM trials WHERE id = @trial", r => (State: r.GetString(0), Error: r.IsDBNull(1) ? null : r.GetString(1)),
            ("@trial", trialId));
        return recorded.Count == 1 && recorded[0].State == StoreRows.Name(result.State) && recorded[0].Error == result.Error;
    }
}
