using Tuner.Study;
using Tuner.Tests.Cli;

namespace Tuner.Tests.Faults;

/// <summary>
/// A trial that needs more memory than the process may have (a network far too wide, under a GC heap limit set for
/// the tuner's process) fails with its reason; the study goes on and completes its other trials.
/// </summary>
public sealed class TrialOutOfMemoryTests
{
    [Fact]
    public void A_trial_out_of_memory_fails_alone_and_the_study_goes_on()
    {
        var work = Samples.TempDirectory();
        // 57 features × 5,000,000 hidden units: over a GB for the weights alone, beyond the 768 MB heap limit below.
        var space = Samples.WriteCsv(work, "space.json", """
            { "trainers": {
                "mlp": { "hidden_layers": { "value": 1 }, "hidden_size": { "value": 5000000 }, "epochs": { "value": 1 } },
                "sgd": { "epochs": { "type": "int", "low": 1, "high": 5 }, "learning_rate": { "type": "float", "low": 0.001, "high": 0.1, "log": true } } } }
            """);
        var environment = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x30000000" };

        using var tuner = TunerProcess.StartWith(environment, work, "tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--space", space,
            "--trials", "6", "--parallel", "1", "--sampler", "random", "--pruner", "none", "--out", "out", "--study", "test");
        var exit = tuner.WaitForExit(TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"exit code {exit}, stderr: {string.Join(" | ", tuner.Stderr)}");
        Assert.DoesNotContain(tuner.Stderr, l => l.Contains("   at ", StringComparison.Ordinal));
        var trials = Tests.Study.StudyHarness.Trials(Path.Combine(work, "out"));
        var wide = trials.Where(t => t.Trainer == "mlp").ToList();
        Assert.NotEmpty(wide);
        Assert.All(wide, t => Assert.Equal(TrialState.Failed, t.State));
        Assert.All(wide, t => Assert.StartsWith("OutOfMemoryException: ", t.Error));
        Assert.Equal(6, trials.Count(t => t.IsFinished));
        Assert.Contains(trials, t => t.Trainer == "sgd" && t.State == TrialState.Complete);
    }
}
