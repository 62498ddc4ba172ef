using Tuner.Study;

namespace Tuner.Tests.Study;

public sealed class CustomTrainerStudyTests
{
    [Fact]
    public async Task A_short_sgd_study_completes_ranks_and_stores_per_epoch_curves()
    {
        var dir = Samples.TempDirectory();

        var exit = await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("spam.csv"), "type", dir, trials: 5, trainers: "sgd"));

        Assert.Equal(0, exit);
        var trials = StudyHarness.Trials(dir);
        Assert.All(trials, t => Assert.Equal("sgd", t.Trainer));
        Assert.Contains(trials, t => t.State == TrialState.Complete && t.Value > 0.9);
        using var store = Tuner.Storage.RelationalStudyStore.OpenSqlite(Path.Combine(dir, "study.db"));
        foreach (var trial in trials.Where(t => t.State == TrialState.Complete))
        {
            var steps = store.LoadSteps(trial.Id);
            Assert.NotEmpty(steps);
            Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Epoch));
            Assert.All(steps, s => Assert.True(double.IsFinite(s.TrainingLoss) && s.LearningRate > 0));
        }
    }

    [Fact]
    public async Task An_absurd_learning_rate_ends_as_diverged_and_the_study_goes_on()
    {
        var dir = Samples.TempDirectory();
        var space = Samples.WriteCsv(dir, "space.json", """
            { "trainers": { "sgd": {
                "learning_rate": { "type": "categorical", "choices": [1e6, 0.05] },
                "loss": { "value": "squared" },
                "epochs": { "value": 5 } } } }
            """);

        var exit = await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("diamonds.csv"), "price", dir, trials: 3, space: space));

        Assert.Equal(0, exit);
        var trials = StudyHarness.Trials(dir);
        var diverged = Assert.Single(trials, t => t.State == TrialState.Diverged);
        Assert.Equal(1e6, diverged.Parameters.GetDouble("learning_rate", 0));
        Assert.Contains("diverged at epoch", diverged.Error);
        Assert.Equal(2, trials.Count(t => t.State == TrialState.Complete));
        using var store = Tuner.Storage.RelationalStudyStore.OpenSqlite(Path.Combine(dir, "study.db"));
        Assert.NotEmpty(store.LoadSteps(diverged.Id)); // the curve up to the divergence is kept
    }
}
