using Microsoft.ML;
using Tuner.Data;
using Tuner.Output;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Benchmarks;

/// <summary>The study a run measures: the data, its label and the search space.</summary>
internal sealed record RunnerSetup(string DataPath, string Label, IReadOnlyList<string> Ignore, string SpaceJson, int Seed, string Sampler = SamplerFactory.Default);

/// <summary>
/// Runs one real study, as `tune --trials N --parallel P --sampler tpe --pruner asha` wires it (TuningSession), on a new
/// SQLite file, with the sampler, the store and the progress wrapped in timing decorators; returns every trial's timing.
/// </summary>
internal static class RunnerRun
{
    public static IReadOnlyList<TrialTiming> Measure(RunnerSetup setup, StudyData prepared, Dataset data, string directory, int trials, int parallel)
    {
        var space = SearchSpaceReader.Parse(setup.SpaceJson, "benchmark space");
        var metric = Trainers.Metrics.MetricInfo.Find(data.Label.Task, Trainers.Metrics.MetricInfo.DefaultFor(data.Label.Task))!;
        var board = new TimingBoard();
        var sampler = new TimedSampler(SamplerFactory.Create(setup.Sampler, space, setup.Seed, metric.HigherIsBetter, timeBudget: false), board);
        var pruner = PrunerFactory.Create("asha", metric.HigherIsBetter);
        var config = new StudyConfig(
            Path.GetFullPath(setup.DataPath), null, DatasetLoader.Fingerprint(data, null), setup.Label, data.Label.Task.ToString().ToLowerInvariant(),
            metric.Name, metric.HigherIsBetter, setup.Seed, 1, setup.Ignore, data.Label.Classes, data.Label.PositiveClass, data.Rows,
            prepared.Folds[0].Training.Features.Columns, prepared.Featurization, space.Trainers.Select(t => t.Trainer).ToList(), space.Json,
            data.Label.Classes.Select((_, c) => data.Labels.Count(l => l == c)).ToList(), data.Format.TextMissing);

        var path = Path.Combine(directory, $"study-{parallel}-{trials}.db");
        foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" }) File.Delete(file);
        using var store = new TimedStore(RelationalStudyStore.OpenSqlite(path), board);
        var study = store.CreateStudy("overhead", config);
        var plan = new StudyPlan(setup.Sampler, "asha", trials, null, null);
        store.SetPlan(study.Id, plan);
        var progress = new TimedProgress(new LogProgress(TextWriter.Null, metric.Name), board);
        var runner = new StudyRunner(store, study, prepared, sampler, pruner, parallel, plan.HeartbeatTimeout, progress);
        runner.RunAsync(new Budget(null, trials), CancellationToken.None).GetAwaiter().GetResult();
        return board.Trials;
    }

    public static (Dataset Data, StudyData Prepared) Load(RunnerSetup setup)
    {
        var data = DatasetLoader.Load(new DataOptions(setup.DataPath, setup.Label, null, setup.Ignore));
        var prepared = DataPreparation.Prepare(new MLContext(setup.Seed), data, null, 1, setup.Seed);
        return (data, prepared);
    }

    /// <summary>Checks the space names trainers the data's task supports, as `tune` does.</summary>
    public static void Check(RunnerSetup setup, Dataset data, string directory)
    {
        var path = Path.Combine(directory, "space.json");
        File.WriteAllText(path, setup.SpaceJson);
        SpaceSelection.Select(path, [], data.Label.Task);
    }
}
