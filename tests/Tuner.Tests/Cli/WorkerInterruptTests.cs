using System.Diagnostics;
using System.Globalization;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Cli;

public sealed class WorkerInterruptTests
{
    // About a quarter of a second a trial: a trial seen within its first 50 ms is still running when SIGTERM lands.
    private const string Space = """
        { "trainers": { "mlp": {
            "hidden_layers": { "value": 1 }, "hidden_size": { "value": 64 }, "epochs": { "value": 30 },
            "batch_size": { "value": 32 }, "early_stopping_patience": { "value": 0 },
            "learning_rate": { "type": "float", "low": 0.001, "high": 0.03, "log": true } } } }
        """;

    [Fact]
    public async Task SIGTERM_stops_a_worker_which_records_its_running_trial_as_cancelled_and_exits_130()
    {
        var work = Samples.TempDirectory();
        var storage = Path.Combine(work, "out", "study.db");
        await Study.StudyHarness.RunAsync(Study.StudyHarness.Options(Samples.Data("spam.csv"), "type", Path.Combine(work, "out"), trials: 1,
            space: Samples.WriteCsv(work, "space.json", Space)));
        using var store = StoredStudy.OpenStore(storage);
        var study = store.FindStudy("test")!;
        store.SetPlan(study.Id, study.Plan! with { Trials = 1000 });

        using var worker = TunerProcess.Start(work, "worker", "--study", "test", "--storage", storage, "--parallel", "1");
        var waited = Stopwatch.StartNew();
        TrialRecord? running;
        while ((running = store.LoadTrials(study.Id).FirstOrDefault(t => t.State == TrialState.Running && t.Started > DateTimeOffset.UtcNow.AddMilliseconds(-50))) is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), string.Join(" | ", worker.Stdout.Concat(worker.Stderr)));
            Thread.Sleep(5);
        }

        Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

        Assert.Equal(130, worker.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains(worker.Stdout, l => l.StartsWith("Worker stopped", StringComparison.Ordinal));
        var trials = store.LoadTrials(study.Id);
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
        var cancelled = trials.Single(t => t.Id == running.Id);
        Assert.Equal((TrialState.Cancelled, "interrupted by the user"), (cancelled.State, cancelled.Error));
        Assert.True(cancelled.IsRetryable);
    }
}
