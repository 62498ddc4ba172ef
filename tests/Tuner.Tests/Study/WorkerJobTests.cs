using Microsoft.Extensions.Logging.Abstractions;
using Tuner.Cli;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Tests.Storage;

namespace Tuner.Tests.Study;

/// <summary>`tuner worker` in-process: joining a study from the store alone, with the data file or its uploaded copy.</summary>
public sealed class WorkerJobTests
{
    /// <summary>Starts study "test" with two trials on a private copy of the data, then raises its budget to four.</summary>
    private static async Task<string> StartStudy(string storage)
    {
        var dir = Samples.TempDirectory();
        var data = Path.Combine(dir, "cancer.csv");
        File.Copy(Samples.Data("breastcancer_wisc_na.csv"), data);
        Assert.Equal(0, await StudyHarness.RunAsync(StudyHarness.Options(data, "Class", Path.Combine(dir, "out"), trials: 2, trainers: "sgd", ignore: ["Id"], storage: storage)));
        using var store = StoredStudy.OpenStore(storage);
        var study = store.FindStudy("test")!;
        store.SetPlan(study.Id, study.Plan! with { Trials = 4 });
        return data;
    }

    private static Task<int> RunWorker(string storage, string cache) =>
        new WorkerJob(StudyHarness.SilentConsole(), NullLogger<WorkerJob>.Instance).RunAsync(new WorkerOptions("test", storage, Parallel: 1, cache), CancellationToken.None);

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public async Task A_worker_rebuilds_the_study_from_the_store_and_runs_it_to_its_budget(string engine)
    {
        using var test = TestStore.Create(engine);
        await StartStudy(test.Storage);
        var before = StudyHarness.StoredTrials(test.Storage);

        Assert.Equal(0, await RunWorker(test.Storage, Samples.TempDirectory()));

        var after = StudyHarness.StoredTrials(test.Storage);
        Assert.Equal(4, after.Count(t => t.IsFinished && !t.IsRetryable));
        Assert.Equal([0, 1, 2, 3], after.Select(t => t.Number));
        Assert.All(after, t => Assert.Equal("sgd", t.Trainer));
        Assert.Equal(before.Select(t => t.Value), after.Take(2).Select(t => t.Value));
        // The worker proposes what one uninterrupted run with the same seed would have.
        var uninterrupted = Samples.TempDirectory();
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("breastcancer_wisc_na.csv"), "Class", uninterrupted, trials: 4, trainers: "sgd", ignore: ["Id"]));
        Assert.Equal(StudyHarness.Trials(uninterrupted).Select(t => t.Key), after.Select(t => t.Key));
    }

    [PostgresFact]
    public async Task A_worker_on_a_machine_without_the_data_file_uses_the_copy_in_the_store()
    {
        using var db = PostgresServer.CreateDatabase();
        var data = await StartStudy(db.ConnectionString);
        var fingerprint = Tuner.Data.DatasetLoader.Fingerprint(data);
        File.Delete(data);
        var cache = Samples.TempDirectory();

        Assert.Equal(0, await RunWorker(db.ConnectionString, cache));

        Assert.Equal(4, StudyHarness.StoredTrials(db.ConnectionString).Count(t => t.IsFinished && !t.IsRetryable));
        var cached = Path.Combine(cache, fingerprint, "cancer.csv");
        Assert.Equal(fingerprint, Tuner.Data.DatasetLoader.Fingerprint(cached));

        // Export, too, trains from the copy on a machine without the file.
        var export = Samples.TempDirectory();
        Assert.Equal(0, new ExportCommand(StudyHarness.SilentConsole()).Run("test", db.ConnectionString, export, refit: false));
        Assert.True(File.Exists(Path.Combine(export, "model.zip")));
    }

    [Fact]
    public async Task A_worker_without_the_data_file_or_a_copy_is_told_how_to_get_one()
    {
        using var test = TestStore.Create(Engines.Sqlite);
        File.Delete(await StartStudy(test.Storage));

        var error = await Assert.ThrowsAsync<UserInputException>(() => RunWorker(test.Storage, Samples.TempDirectory()));

        Assert.Contains("cancer.csv", error.Message);
        Assert.Contains("holds no copy", error.Message);
    }
}
