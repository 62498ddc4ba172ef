using Tuner.Study;

namespace Tuner.Tests.Study;

public sealed class SearchRunTests
{
    private static readonly string Cancer = Samples.Data("breastcancer_wisc_na.csv");

    [Fact]
    public async Task Asha_prunes_hopeless_sgd_trials_and_keeps_their_curves()
    {
        var dir = Samples.TempDirectory();
        var space = Samples.WriteCsv(dir, "space.json", """
            { "trainers": { "sgd": {
                "loss": { "value": "log" },
                "learning_rate": { "type": "categorical", "choices": [1e-7, 1e-6, 0.05, 0.2] },
                "batch_size": { "type": "categorical", "choices": [16, 32, 64] },
                "epochs": { "value": 9 } } } }
            """);

        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("spam.csv"), "type", dir, trials: 12, space: space, pruner: "asha"));

        var trials = StudyHarness.Trials(dir);
        var pruned = trials.Where(t => t.State == TrialState.Pruned).ToList();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.StartsWith("pruned at epoch", t.Error));
        using var store = Tuner.Storage.RelationalStudyStore.OpenSqlite(Path.Combine(dir, "study.db"));
        Assert.All(pruned, t => Assert.InRange(store.LoadSteps(t.Id).Count, 1, 8));
        var best = Ranking.Best(trials, higherIsBetter: true)!;
        Assert.True(best.Parameters.GetDouble("learning_rate", 0) >= 0.01, "the winner uses a sane learning rate");
    }

    [Fact]
    public async Task Boosted_trials_record_every_round_and_asha_prunes_them_only_from_the_first_stages_end()
    {
        var dir = Samples.TempDirectory();
        var space = Samples.WriteCsv(dir, "space.json", """
            { "trainers": { "lightgbm": {
                "trees": { "value": 200 },
                "learning_rate": { "type": "categorical", "choices": [0.001, 0.002, 0.05, 0.1, 0.2] },
                "leaves": { "type": "categorical", "choices": [4, 8, 16] } } } }
            """);

        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("spam.csv"), "type", dir, trials: 14, space: space, pruner: "asha"));

        var trials = StudyHarness.Trials(dir);
        using var store = Tuner.Storage.RelationalStudyStore.OpenSqlite(Path.Combine(dir, "study.db"));
        foreach (var trial in trials)
        {
            var steps = store.LoadSteps(trial.Id);
            Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Epoch));
            if (trial.State == TrialState.Pruned) Assert.Matches("^pruned at epoch (27|81):", trial.Error);
        }

        Assert.Contains(trials, t => t.State == TrialState.Pruned);
        Assert.All(trials.Where(t => t.State == TrialState.Complete), t => Assert.InRange(store.LoadSteps(t.Id).Count, 1, 200));
    }

    [Fact]
    public async Task Parallel_workers_record_each_trial_exactly_once()
    {
        var dir = Samples.TempDirectory();

        await StudyHarness.RunAsync(StudyHarness.Options(Cancer, "Class", dir, trials: 10, trainers: "lbfgs,lightgbm,sgd", parallel: 3, ignore: ["Id"]));

        var trials = StudyHarness.Trials(dir);
        Assert.Equal(Enumerable.Range(0, 10), trials.Select(t => t.Number).Order());
        Assert.Equal(10, trials.Select(t => t.Key).Distinct().Count());
        Assert.All(trials, t => Assert.True(t.IsFinished));
    }

    [Fact]
    public async Task A_target_stops_the_study_once_reached()
    {
        var dir = Samples.TempDirectory();

        await StudyHarness.RunAsync(StudyHarness.Options(Cancer, "Class", dir, trials: 40, trainers: "lbfgs", ignore: ["Id"]) with { Target = 0.9 });

        var trials = StudyHarness.Trials(dir);
        Assert.Single(trials);
        Assert.True(trials[0].Value >= 0.9);
    }

    [Fact]
    public void Unfinished_configurations_are_retried_first()
    {
        TrialRecord Trial(int number, TrialState state, string? error, double lr) => new(
            number, number, state, "sgd", new Trainers.Training.HyperParameters([new("learning_rate", lr)]), false,
            DateTimeOffset.UnixEpoch, 1, 0, error, state == TrialState.Complete ? 0.9 : null, new Dictionary<string, double>());

        var history = new[]
        {
            Trial(0, TrialState.Complete, null, 0.1),
            Trial(1, TrialState.Interrupted, "the process running it stopped", 0.2),
            Trial(2, TrialState.Failed, "ArgumentException: bad", 0.3),
            Trial(3, TrialState.Cancelled, "time budget spent", 0.4),
        };

        Assert.Equal(0.2, Retries.Next(history)!.Parameters.GetDouble("learning_rate", 0));
        Assert.Equal(0.4, Retries.Next([.. history, Trial(4, TrialState.Complete, null, 0.2)])!.Parameters.GetDouble("learning_rate", 0));
        Assert.Null(Retries.Next([.. history, Trial(4, TrialState.Complete, null, 0.2), Trial(5, TrialState.Running, null, 0.4)]));
    }
}
