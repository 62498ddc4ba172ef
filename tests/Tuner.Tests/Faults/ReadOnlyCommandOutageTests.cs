using System.Diagnostics;
using Npgsql;
using Tuner.Tests.Cli;

namespace Tuner.Tests.Faults;

/// <summary>
/// The PostgreSQL server goes down while `report`, `studies`, `export` and `compare` read a study (a real server,
/// stopped by the test while each command waits on a table the test holds locked, so the outage hits them mid-read):
/// each says once that the server is unreachable and once that it answers again, and finishes as if nothing
/// happened; a server down longer than --outage-timeout ends the command with one line and exit code 2.
/// </summary>
[Collection(RestartablePostgres.Collection)]
public sealed class ReadOnlyCommandOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [RestartablePostgresFact]
    public void Report_studies_export_and_compare_say_when_the_server_goes_and_comes_back_and_finish()
    {
        using var server = RestartablePostgres.Start();
        var work = Samples.TempDirectory();
        CreateStudy(work, server);
        var storage = server.ConnectionString;

        var commands = WithTrialsLocked(server, 4, () => new[]
        {
            TunerProcess.Start(work, "report", "--study", "test", "--storage", storage, "--out", Path.Combine(work, "report.html")),
            TunerProcess.Start(work, "studies", "--storage", storage),
            TunerProcess.Start(work, "export", "--study", "test", "--storage", storage, "--out", Path.Combine(work, "export")),
            TunerProcess.Start(work, "compare", "--study", "test", "--study", "test", "--label", "a", "--label", "b", "--storage", storage,
                "--out", Path.Combine(work, "comparison.html")),
        });
        try
        {
            WaitFor(() => commands.All(c => c.Stderr.Any(IsOutageNotice)), "every command to notice the outage");
            server.Resume();

            foreach (var command in commands)
            {
                var exit = command.WaitForExit(TimeSpan.FromMinutes(2));
                var stderr = command.Stderr;
                Assert.True(exit == 0, $"exit code {exit}, stderr: {string.Join(" | ", stderr)}");
                Assert.Equal(2, stderr.Count);
                Assert.True(IsOutageNotice(stderr[0]), stderr[0]);
                Assert.Contains("answers again after", stderr[1]);
            }

            Assert.True(File.Exists(Path.Combine(work, "report.html")));
            Assert.True(File.Exists(Path.Combine(work, "export", "model.zip")));
            Assert.True(File.Exists(Path.Combine(work, "comparison.html")));
            Assert.Contains(commands[1].Stdout, l => l.Contains("test", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var command in commands) command.Dispose();
        }
    }

    [RestartablePostgresFact]
    public void A_report_whose_server_stays_down_longer_than_the_outage_timeout_ends_with_one_line_and_exit_code_2()
    {
        using var server = RestartablePostgres.Start();
        var work = Samples.TempDirectory();
        CreateStudy(work, server);

        using var report = WithTrialsLocked(server, 1, () => new[]
        {
            TunerProcess.Start(work, "report", "--study", "test", "--storage", server.ConnectionString, "--outage-timeout", "3"),
        })[0];
        var exit = report.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(exit == 2, $"exit code {exit}, stderr: {string.Join(" | ", report.Stderr)}");
        var stderr = report.Stderr;
        Assert.All(stderr.SkipLast(1), l => Assert.True(IsOutageNotice(l), l));
        Assert.StartsWith("tuner: PostgreSQL Host=127.0.0.1;", stderr[^1]);
        Assert.Contains("stayed unreachable for 3 s", stderr[^1]);
        Assert.DoesNotContain("Password", stderr[^1]);
    }

    /// <summary>A finished study "test" of three cheap trials.</summary>
    private static void CreateStudy(string work, RestartablePostgres server)
    {
        var space = Samples.WriteCsv(work, "space.json", """{ "trainers": { "sgd": { "epochs": { "value": 3 }, "l2": { "type": "float", "low": 0, "high": 0.01 } } } }""");
        var (exit, _, stderr) = TunerProcess.Run(work, "tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--space", space, "--trials", "3",
            "--parallel", "1", "--storage", server.ConnectionString, "--study", "test", "--out", "out");
        Assert.True(exit == 0, string.Join(" | ", stderr));
    }

    /// <summary>
    /// Starts the commands while the test holds the trials table locked, waits until <paramref name="blocked"/> of them
    /// wait for that lock (so each has opened the store and is reading the study), then stops the server.
    /// </summary>
    private static TunerProcess[] WithTrialsLocked(RestartablePostgres server, int blocked, Func<TunerProcess[]> start)
    {
        using (var holder = new NpgsqlConnection(server.ConnectionString))
        {
            holder.Open();
            using var transaction = holder.BeginTransaction();
            using (var lockTrials = new NpgsqlCommand("LOCK TABLE trials IN ACCESS EXCLUSIVE MODE", holder, transaction)) lockTrials.ExecuteNonQuery();
            var commands = start();
            using var observer = new NpgsqlConnection(server.ConnectionString);
            observer.Open();
            using var waiting = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", observer);
            WaitFor(() => Convert.ToInt32(waiting.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) >= blocked, $"{blocked} command(s) to wait for the lock");
            NpgsqlConnection.ClearAllPools();
            server.Halt();
            return commands;
        }
    }

    private static bool IsOutageNotice(string line) => line.Contains("is unreachable while", StringComparison.Ordinal) && line.Contains("retrying for up to", StringComparison.Ordinal);

    private static void WaitFor(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience) throw new TimeoutException($"waited {Patience} for {what}");
            Thread.Sleep(20);
        }
    }
}
