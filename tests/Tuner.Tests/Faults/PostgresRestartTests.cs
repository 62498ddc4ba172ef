using System.Diagnostics;
using Tuner.Study;
using Tuner.Tests.Cli;

namespace Tuner.Tests.Faults;

/// <summary>
/// The PostgreSQL server of a shared study stops mid-study (a real server, stopped by the test): a short outage is
/// ridden out with one notice when it begins and one when the server answers again, and the study completes with
/// every trial; an outage longer than --outage-timeout ends the run with one line and exit code 2, and Ctrl+C during one
/// ends it with exit code 130, both keeping every finished trial.
/// </summary>
[Collection(RestartablePostgres.Collection)]
public sealed class PostgresRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [RestartablePostgresFact]
    public void A_tune_and_a_worker_ride_out_a_server_restart_and_the_study_completes_with_every_trial()
    {
        using var server = RestartablePostgres.Start();
        var work = Samples.TempDirectory();
        var heartbeatTimeout = TimeSpan.FromSeconds(4);
        using var tune = TunerProcess.Start(work, [.. Tune(work, server, trials: 120), "--heartbeat-timeout", $"{heartbeatTimeout.TotalSeconds}"]);
        WaitFor(() => Trials(tune) >= 1, "the first trial of tune");
        using var worker = TunerProcess.Start(work, "worker", "--study", "test", "--storage", server.ConnectionString, "--parallel", "1");
        WaitFor(() => Trials(worker) >= 1, "the first trial of the worker");
        var before = Finished(server);

        server.Halt();
        WaitFor(() => tune.Stderr.Any(IsOutageNotice) && worker.Stderr.Any(IsOutageNotice), "both processes to notice the outage");
        // Down long enough for the retries to reach their longest wait (10 s), so the two processes come back seconds
        // apart, with every heartbeat older than the timeout: the first one back must not give up the other's running trials.
        Thread.Sleep(heartbeatTimeout + TimeSpan.FromSeconds(16));
        server.Resume();
        var (tuneExit, workerExit) = (tune.WaitForExit(TimeSpan.FromMinutes(3)), worker.WaitForExit(TimeSpan.FromMinutes(3)));

        Assert.True(tuneExit == 0, $"tune: exit code {tuneExit}, stderr: {string.Join(" | ", tune.Stderr)}");
        Assert.True(workerExit == 0, $"worker: exit code {workerExit}, stderr: {string.Join(" | ", worker.Stderr)}");
        foreach (var process in new[] { tune, worker })
        {
            Assert.All(process.Stderr, l => Assert.True(IsOutageNotice(l) || l.Contains("answers again after", StringComparison.Ordinal), l));
            Assert.Contains(process.Stderr, l => l.Contains("answers again after", StringComparison.Ordinal));
        }

        var after = Tests.Study.StudyHarness.StoredTrials(server.ConnectionString);
        AssertKept(before, after);
        Assert.DoesNotContain(after, t => t.State == TrialState.Running);
        Assert.DoesNotContain(after, t => t.State == TrialState.Interrupted);
        Assert.Equal(120, after.Count(t => t.IsFinished && !t.IsRetryable));
    }

    [RestartablePostgresFact]
    public void A_server_down_longer_than_the_outage_timeout_ends_the_run_with_one_line_and_exit_code_2()
    {
        using var server = RestartablePostgres.Start();
        var work = Samples.TempDirectory();
        using var tune = TunerProcess.Start(work, [.. Tune(work, server, trials: 100_000), "--outage-timeout", "3"]);
        WaitFor(() => Trials(tune) >= 2, "two trials");
        var before = Finished(server);

        server.Halt();
        var exit = tune.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.True(exit == 2, $"exit code {exit}, stderr: {string.Join(" | ", tune.Stderr)}");
        var stderr = tune.Stderr;
        Assert.All(stderr.SkipLast(1), l => Assert.True(IsOutageNotice(l), l));
        Assert.StartsWith("tuner: PostgreSQL Host=127.0.0.1;", stderr[^1]);
        Assert.Contains("stayed unreachable for 3 s", stderr[^1]);
        Assert.Contains("run the same command again once the server is back", stderr[^1]);
        Assert.DoesNotContain("Password", stderr[^1]);
        server.Resume();
        AssertKept(before, Tests.Study.StudyHarness.StoredTrials(server.ConnectionString));
    }

    [RestartablePostgresFact]
    public void Ctrl_C_while_waiting_for_the_server_stops_at_once_with_exit_code_130_keeping_every_finished_trial()
    {
        using var server = RestartablePostgres.Start();
        var work = Samples.TempDirectory();
        using var tune = TunerProcess.Start(work, Tune(work, server, trials: 100_000));
        WaitFor(() => Trials(tune) >= 2, "two trials");
        var before = Finished(server);

        server.Halt();
        WaitFor(() => tune.Stderr.Any(IsOutageNotice), "the outage notice");
        Process.Start("kill", ["-INT", tune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        // Far less than the default --outage-timeout of 10 minutes: the wait itself was cancelled.
        var exit = tune.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.True(exit == 130, $"exit code {exit}, stderr: {string.Join(" | ", tune.Stderr)}");
        Assert.Equal("tuner: interrupted; everything finished so far is kept.", tune.Stderr[^1]);
        Assert.DoesNotContain(tune.Stderr, l => l.Contains("   at ", StringComparison.Ordinal));
        server.Resume();
        AssertKept(before, Tests.Study.StudyHarness.StoredTrials(server.ConnectionString));
    }

    /// <summary>Cheap sgd trials of fixed length, unpruned, so the study is still running when the server stops.</summary>
    private static string[] Tune(string work, RestartablePostgres server, int trials)
    {
        var space = Samples.WriteCsv(work, "space.json", """{ "trainers": { "sgd": { "epochs": { "value": 20 }, "l2": { "type": "float", "low": 0, "high": 0.01 } } } }""");
        return ["tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--space", space, "--trials", $"{trials}", "--pruner", "none", "--parallel", "1",
            "--storage", server.ConnectionString, "--study", "test", "--out", "out"];
    }

    private static bool IsOutageNotice(string line) => line.Contains("is unreachable while", StringComparison.Ordinal) && line.Contains("retrying for up to", StringComparison.Ordinal);

    private static int Trials(TunerProcess process) => process.Stdout.Count(l => l.StartsWith("trial ", StringComparison.Ordinal));

    private static List<TrialRecord> Finished(RestartablePostgres server) =>
        Tests.Study.StudyHarness.StoredTrials(server.ConnectionString).Where(t => t.IsFinished).ToList();

    private static void AssertKept(IEnumerable<TrialRecord> before, IReadOnlyList<TrialRecord> after)
    {
        foreach (var trial in before)
        {
            var kept = after.Single(t => t.Number == trial.Number);
            Assert.Equal((trial.State, trial.Value), (kept.State, kept.Value));
        }
    }

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
