using System.Globalization;
using Tuner.Output;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Production;

namespace Tuner.Tests.Study;

public sealed class StudyRunTests
{
    private static readonly string Cancer = Samples.Data("breastcancer_wisc_na.csv");

    [Fact]
    public async Task A_short_study_ranks_trials_by_the_chosen_metric()
    {
        var dir = Samples.TempDirectory();

        var exit = await StudyHarness.RunAsync(StudyHarness.Options(Cancer, "Class", dir, trials: 8, trainers: "lbfgs,sdca,lightgbm", metric: "logloss", ignore: ["Id"]));

        Assert.Equal(0, exit);
        var trials = StudyHarness.Trials(dir);
        Assert.Equal(8, trials.Count);
        Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
        Assert.All(trials, t => Assert.Contains("train_logloss", t.Metrics.Keys));

        // leaderboard.csv is in ascending log-loss order (lower is better); best.json holds the configuration of the top
        // rows that did best when re-evaluated on fresh folds, with its search and fresh-fold scores.
        var rows = File.ReadAllLines(Path.Combine(dir, "leaderboard.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var values = rows.Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.Order(), values);
        var best = TunedSettings.Load(Path.Combine(dir, "best.json"));
        using var store = StoredStudy.OpenStore(Path.Combine(dir, "study.db"));
        var reevaluation = WinnerReevaluation.Load(store, store.FindStudy("test")!.Id)!;
        Assert.Contains(reevaluation.Trials, t => t.Number == int.Parse(rows[0][1], CultureInfo.InvariantCulture));
        Assert.Equal(reevaluation.Trials.Min(t => t.Value), best.Metrics["reevaluated_valid_logloss"], 9);
        Assert.Equal(trials.Single(t => t.Number == best.Trial).Value!.Value, best.Metrics["valid_logloss"], 9);
        Assert.Equal("malignant", best.PositiveClass);
        Assert.Equal("logloss", best.Metric);
    }

    [Fact]
    public async Task Rerunning_continues_the_study_without_recomputing()
    {
        var dir = Samples.TempDirectory();
        var first = StudyHarness.Options(Cancer, "Class", dir, trials: 4, trainers: "lbfgs,lightgbm", ignore: ["Id"]);
        await StudyHarness.RunAsync(first);
        var before = StudyHarness.Trials(dir);

        await StudyHarness.RunAsync(first with { Trials = 7 });

        var after = StudyHarness.Trials(dir);
        Assert.Equal(Enumerable.Range(0, 7), after.Select(t => t.Number));
        foreach (var trial in before)
        {
            var same = after.Single(t => t.Number == trial.Number);
            Assert.Equal(trial.Key, same.Key);
            Assert.Equal(trial.Started, same.Started);
            Assert.Equal(trial.Value, same.Value);
        }

        Assert.Equal(after.Count, after.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public async Task A_trainer_that_throws_fails_its_trial_and_the_study_goes_on()
    {
        var dir = Samples.TempDirectory();
        // Three class weights for two classes pass the space's check (a list) but not the trainer's; LightGBM has a valid space.
        var space = Samples.WriteCsv(dir, "space.json", """
            { "trainers": {
                "sgd": { "class_weights": { "value": "1,2,3" } },
                "lightgbm": { "trees": { "type": "int", "low": 5, "high": 30 } } } }
            """);

        var exit = await StudyHarness.RunAsync(StudyHarness.Options(Cancer, "Class", dir, trials: 5, space: space, ignore: ["Id"], parallel: 2));

        Assert.Equal(0, exit);
        var trials = StudyHarness.Trials(dir);
        Assert.Equal(5, trials.Count);
        Assert.Equal(Enumerable.Range(0, 5), trials.Select(t => t.Number).Order());
        var failed = Assert.Single(trials, t => t.State == TrialState.Failed);
        Assert.Equal("sgd", failed.Trainer);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Equal(4, trials.Count(t => t.State == TrialState.Complete && t.Trainer == "lightgbm"));
    }

    [Fact]
    public async Task Cross_validation_records_mean_and_spread()
    {
        var dir = Samples.TempDirectory();

        await StudyHarness.RunAsync(StudyHarness.Options(Cancer, "Class", dir, trials: 2, trainers: "lbfgs", folds: 3, ignore: ["Id"]));

        var trial = StudyHarness.Trials(dir).First();
        Assert.True(trial.Metrics["valid_auc_std"] > 0);
        Assert.Equal(trial.Value, trial.Metrics["valid_auc"]);
    }
}
