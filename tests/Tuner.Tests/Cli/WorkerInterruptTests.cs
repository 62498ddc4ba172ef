using System.Diagnostics;
using System.Globalization;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Cli;

public sealed class WorkerInterruptTests
{
    [Fact]
    public async Task SIGTERM_stops_a_worker_which_records_its_running_trial_as_cancelled_and_exits_130()
    {
        var work = Samples.TempDirectory();
        var storage = Path.Combine(work, "out", "study.db");
        await Study.StudyHarness.RunAsync(Study.StudyHarness.Options(Samples.Data("breastcancer_wisc_na.csv"), "Class", Path.Combine(work, "out"),
            trials: 2, trainers: "lbfgs,fasttree", ignore: ["Id"]));
        using (var store = StoredStudy.OpenStore(storage))
        {
            var study = store.FindStudy("test")!;
            store.SetPlan(study.Id, study.Plan! with { Trials = 1000 });
        }

        using var worker = TunerProcess.Start(work, "worker", "--study", "test", "--storage", storage, "--parallel", "1");
        var waited = Stopwatch.StartNew();
        while (worker.Stdout.Count(l => l.StartsWith("trial ", StringComparison.Ordinal)) < 2 && waited.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(50);
        Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

        Assert.Equal(130, worker.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains(worker.Stdout, l => l.StartsWith("Worker stopped", StringComparison.Ordinal));
        var trials = Study.StudyHarness.Trials(Path.Combine(work, "out"));
        Assert.True(trials.Count(t => t.IsFinished && !t.IsRetryable) >= 4);
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
        Assert.All(trials.Where(t => t.IsRetryable), t => Assert.StartsWith($"{TrialRecord.CancelledPrefix} interrupted by the user", t.Error));
    }
}
