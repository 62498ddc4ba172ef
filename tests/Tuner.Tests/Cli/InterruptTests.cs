using System.Diagnostics;
using Tuner.Study;

namespace Tuner.Tests.Cli;

public sealed class InterruptTests
{
    [Fact]
    public void Ctrl_C_cancels_the_running_trial_keeps_results_and_exits_130()
    {
        var work = Samples.TempDirectory();
        using var tuner = TunerProcess.Start(work, "tune", "--data", Samples.Data("breastcancer_wisc_na.csv"), "--label", "Class",
            "--ignore-cols", "Id", "--time", "120", "--parallel", "1", "--study", "test", "--out", "out", "--trainers", "lbfgs,fasttree");

        var waited = Stopwatch.StartNew();
        while (tuner.Stdout.Count(l => l.StartsWith("trial ", StringComparison.Ordinal)) < 3 && waited.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(100);
        Process.Start("kill", ["-INT", tuner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

        Assert.Equal(130, tuner.WaitForExit(TimeSpan.FromSeconds(60)));
        var outDir = Path.Combine(work, "out");
        Assert.True(File.Exists(Path.Combine(outDir, "leaderboard.csv")));
        var trials = Study.StudyHarness.Trials(outDir);
        Assert.True(trials.Count(t => t.State == TrialState.Complete) >= 3);
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
    }
}
