using Tuner.Study;
using Tuner.Tests.Cli;

namespace Tuner.Tests.Faults;

/// <summary>
/// A disk fills up (a real, size-limited filesystem): the one holding the SQLite store mid-study, or the one the
/// outputs go to. One line naming the file and the full disk, exit code 2, every finished trial kept, and the
/// same command continues once there is space.
/// </summary>
public sealed class FullDiskTests
{
    [SizeLimitedFact]
    public void A_full_disk_ends_the_run_with_one_line_and_keeps_every_finished_trial()
    {
        var work = Samples.TempDirectory();
        using var disk = SizeLimitedDirectory.Mount(kilobytes: 768);
        var storage = Path.Combine(disk.Path, "study.db");
        // Cheap sgd trials write steps and results until the small disk is full; the time budget only bounds a test gone wrong.
        string[] Args(int trials) => ["tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--trainers", "sgd", "--trials", $"{trials}",
            "--time", "120", "--storage", storage, "--out", Path.Combine(work, "out"), "--study", "test"];

        var (exit, _, stderr) = TunerProcess.Run(work, Args(100_000));

        Assert.True(exit == 2, $"exit code {exit}, stderr: {string.Join(" | ", stderr)}");
        var line = Assert.Single(stderr);
        Assert.Contains($"The disk holding the study store '{storage}' is full", line);
        Assert.Contains("run the same command again", line);
        var finished = Tests.Study.StudyHarness.StoredTrials(storage).Where(t => t.IsFinished && !t.IsRetryable).ToList();
        Assert.NotEmpty(finished);

        disk.Grow(kilobytes: 64 * 1024);
        var (again, _, againErrors) = TunerProcess.Run(work, Args(finished.Count + 3));

        Assert.True(again == 0, string.Join(" | ", againErrors));
        var after = Tests.Study.StudyHarness.StoredTrials(storage);
        foreach (var trial in finished)
        {
            var kept = after.Single(t => t.Number == trial.Number);
            Assert.Equal((trial.State, trial.Value), (kept.State, kept.Value));
        }

        Assert.DoesNotContain(after, t => t.State == TrialState.Running);
        Assert.True(after.Count(t => t.IsFinished && !t.IsRetryable) >= finished.Count + 3);
    }

    [SizeLimitedFact]
    public void A_full_disk_for_the_outputs_ends_the_run_with_one_line_and_keeps_every_trial()
    {
        var work = Samples.TempDirectory();
        using var disk = SizeLimitedDirectory.Mount(kilobytes: 16);
        var storage = Path.Combine(work, "study.db");

        var (exit, _, stderr) = TunerProcess.Run(work, "tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--trainers", "sgd", "--trials", "3",
            "--storage", storage, "--out", disk.Path, "--study", "test");

        Assert.True(exit == 2, $"exit code {exit}, stderr: {string.Join(" | ", stderr)}");
        var line = Assert.Single(stderr);
        Assert.StartsWith("tuner: The disk is full (", line);
        Assert.Contains($"'{disk.Path}/", line);
        Assert.Contains("); free space on it, then run the same command again", line);
        Assert.Equal(3, Tests.Study.StudyHarness.StoredTrials(storage).Count(t => t.IsFinished && !t.IsRetryable));
    }
}
