using Npgsql;
using Tuner.Study;

namespace Tuner.Tests.Storage;

/// <summary>A store whose connections the server drops carries on through new ones, recording nothing twice.</summary>
public sealed class PostgresOutageTests
{
    [PostgresFact]
    public void Calls_after_the_server_dropped_every_connection_are_retried_on_new_ones()
    {
        using var db = PostgresServer.CreateDatabase();
        var log = new ListLogger();
        using var store = Tuner.Storage.RelationalStudyStore.OpenPostgres(db.ConnectionString, log);
        var study = store.CreateStudy("s", StoreSamples.Config());
        var trial = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "w")!;

        var dropped = DropConnections(db.ConnectionString);
        store.ReportSteps(trial.Id, [StoreSamples.Step(1, 0.5)]);
        DropConnections(db.ConnectionString);
        var recorded = store.FinishTrial(trial.Id, StoreSamples.Complete(0.5));
        DropConnections(db.ConnectionString);
        var next = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "w");

        Assert.True(dropped > 0);
        Assert.True(recorded);
        Assert.Equal(1, next!.Number);
        var trials = store.LoadTrials(study.Id);
        Assert.Equal([TrialState.Complete, TrialState.Running], trials.Select(t => t.State));
        Assert.Single(store.LoadSteps(trial.Id));
        Assert.Equal(3, log.Messages.Count(m => m.Contains("retrying", StringComparison.Ordinal)));
        Assert.DoesNotContain(log.Messages, m => m.Contains(new NpgsqlConnectionStringBuilder(db.ConnectionString).Password!, StringComparison.Ordinal));
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages { get { lock (_messages) return _messages.ToList(); } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (_messages) _messages.Add(formatter(state, exception));
        }
    }

    /// <summary>Terminates every other session on the test database, as a server restart or a network cut would.</summary>
    private static int DropConnections(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return (int)(long)command.ExecuteScalar()!;
    }
}
