using System.Diagnostics;
using Npgsql;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Tests.Storage;

namespace Tuner.Tests.Cli;

/// <summary>
/// Three processes share one 30-trial study through PostgreSQL: `tune` creates it and works, two `worker`s
/// join, and one worker is killed with SIGKILL in the middle of a trial.
/// </summary>
public sealed class SharedStudyKillTests
{
    // One hidden layer of 64 and 30 epochs on spam: a quarter to half a second a trial, so a trial seen within its
    // first 50 ms is still running when the kill lands a few milliseconds later.
    private const string Space = """
        { "trainers": { "mlp": {
            "hidden_layers": { "value": 1 }, "hidden_size": { "value": 64 }, "epochs": { "value": 30 },
            "batch_size": { "value": 32 }, "early_stopping_patience": { "value": 0 },
            "learning_rate": { "type": "float", "low": 0.001, "high": 0.03, "log": true },
            "l2": { "type": "float", "low": 1e-6, "high": 0.01, "log": true } } } }
        """;

    [PostgresFact]
    public void A_worker_killed_mid_trial_loses_nothing_and_the_study_ends_with_30_unique_trials()
    {
        using var db = PostgresServer.CreateDatabase();
        var work = Samples.TempDirectory();
        var space = Samples.WriteCsv(work, "space.json", Space);
        var password = new NpgsqlConnectionStringBuilder(db.ConnectionString).Password!;
        string[] worker = ["worker", "--study", "shared", "--storage", db.ConnectionString, "--parallel", "1"];

        using var tune = TunerProcess.Start(work, "tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--space", space,
            "--trials", "30", "--parallel", "1", "--sampler", "random", "--pruner", "none", "--heartbeat-timeout", "3",
            "--study", "shared", "--storage", db.ConnectionString, "--out", "out");
        WaitFor(() => tune.Stdout.Any(l => l.StartsWith("Study 'shared'", StringComparison.Ordinal)), "tune to create the study", tune);
        using var survivor = TunerProcess.Start(work, worker);
        using var victim = TunerProcess.Start(work, worker);

        long killedTrial = 0;
        WaitFor(() => (killedTrial = JustStartedTrial(db.ConnectionString, victim.Id) ?? 0) != 0, "the victim to start a trial", victim);
        victim.Kill(); // SIGKILL: no cleanup, no last words to the store

        Assert.True(tune.WaitForExit(TimeSpan.FromMinutes(3)) == 0, string.Join(" | ", tune.Stderr));
        Assert.True(survivor.WaitForExit(TimeSpan.FromMinutes(1)) == 0, string.Join(" | ", survivor.Stderr));

        using var store = StoredStudy.OpenStore(db.ConnectionString);
        var trials = store.LoadTrials(store.FindStudy("shared")!.Id);
        var settled = trials.Where(t => t.IsFinished && !t.IsRetryable).ToList();
        Assert.Equal(30, settled.Count);
        Assert.Equal(Enumerable.Range(0, trials.Count), trials.Select(t => t.Number));
        Assert.Equal(30, settled.Select(t => t.Key).Distinct().Count());
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);

        var killed = trials.Single(t => t.Id == killedTrial);
        Assert.Equal(TrialState.Interrupted, killed.State);
        Assert.Single(settled, t => t.Key == killed.Key && t.Number > killed.Number);
        Assert.True(Workers(db.ConnectionString) >= 2);

        Assert.True(File.Exists(Path.Combine(work, "out", "leaderboard.csv")));
        foreach (var process in new[] { tune, survivor, victim })
            Assert.DoesNotContain(password, string.Join('\n', process.Stdout.Concat(process.Stderr)));
    }

    /// <summary>The id of a running trial of this process that started within the last 50 ms.</summary>
    private static long? JustStartedTrial(string connectionString, int processId) =>
        Query(connectionString, "SELECT id FROM trials WHERE state = 'running' AND worker LIKE @pattern AND started >= @since",
            reader => reader.GetInt64(0), ("@pattern", $"%:{processId}:%"), ("@since", DateTimeOffset.UtcNow.AddMilliseconds(-50))).Cast<long?>().FirstOrDefault();

    private static int Workers(string connectionString) =>
        (int)Query(connectionString, "SELECT COUNT(DISTINCT worker) FROM trials", reader => reader.GetInt64(0)).Single();

    private static List<T> Query<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read, params (string, object)[] parameters)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static void WaitFor(Func<bool> condition, string what, TunerProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"Waited too long for {what}: {string.Join(" | ", process.Stdout.Concat(process.Stderr))}");
            Thread.Sleep(10);
        }
    }
}
