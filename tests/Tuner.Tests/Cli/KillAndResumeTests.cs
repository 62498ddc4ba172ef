using System.Diagnostics;
using Tuner.Study;

namespace Tuner.Tests.Cli;

public sealed class KillAndResumeTests
{
    [Fact]
    public void A_killed_study_resumes_without_losing_completed_trials_and_retries_the_interrupted_one()
    {
        var work = Samples.TempDirectory();
        // FastTree with many trees takes long enough that the kill lands inside a trial.
        var space = Samples.WriteCsv(work, "space.json", """
            { "trainers": { "fasttree": {
                "trees": { "type": "int", "low": 150, "high": 250 },
                "leaves": { "type": "int", "low": 8, "high": 32 } } } }
            """);
        string[] args = ["tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--space", space, "--trials", "5",
            "--parallel", "1", "--sampler", "random", "--pruner", "none", "--study", "test", "--out", "out"];

        using (var tuner = TunerProcess.Start(work, args))
        {
            var waited = Stopwatch.StartNew();
            while (tuner.Stdout.Count(l => l.StartsWith("trial ", StringComparison.Ordinal)) < 2 && waited.Elapsed < TimeSpan.FromSeconds(90))
                Thread.Sleep(20);
            Thread.Sleep(500); // the third trial has started and runs for seconds
            tuner.Kill(); // SIGKILL: no cleanup runs
        }

        var before = Study.StudyHarness.Trials(Path.Combine(work, "out"));
        var completed = before.Where(t => t.State == TrialState.Complete).ToList();
        var interrupted = Assert.Single(before, t => t.State == TrialState.Running);
        Assert.Equal(2, completed.Count);

        var (exit, _, stderr) = TunerProcess.Run(work, args);

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var after = Study.StudyHarness.Trials(Path.Combine(work, "out"));
        foreach (var trial in completed)
            Assert.Equal(trial.Value, after.Single(t => t.Number == trial.Number).Value);
        var marked = after.Single(t => t.Number == interrupted.Number);
        Assert.Equal((TrialState.Interrupted, "the process running it stopped"), (marked.State, marked.Error));
        Assert.Contains(after, t => t.Number > interrupted.Number && t.Key == interrupted.Key && t.State == TrialState.Complete);
        Assert.Equal(5, after.Count(t => t.State == TrialState.Complete));
    }
}
