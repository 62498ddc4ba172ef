using Microsoft.ML;
using Tuner.Data;
using Tuner.Engine;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Study;

/// <summary>A boosted trial that the time budget stops while a later stage is fitted keeps the rounds it reported; one the user interrupts does not.</summary>
public sealed class CutShortTrialTests
{
    private static readonly HyperParameters Lightgbm = new([new("trees", 300.0), new("learning_rate", 0.05), new("leaves", 8.0)]);

    [Fact]
    public void A_trial_cut_short_is_complete_with_the_trees_it_reported_and_that_setting_trains_the_model_it_measured()
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data("spam.csv"), "type", null, []));
        var prepared = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1);
        using var store = RelationalStudyStore.OpenSqlite(Path.Combine(Samples.TempDirectory(), "study.db"));
        var study = store.CreateStudy("cut", Storage.StoreSamples.Config());
        var trial = store.TryStartTrial(study.Id, 0, new TrialProposal("lightgbm", Lightgbm, IsBaseline: false), "w")!;
        using var budget = new CancellationTokenSource();
        var executor = new TrialExecutor(prepared, store, "auc", studySeed: 1, new CancelAt(81, budget), new CurveBoard());

        var result = executor.Run(trial, budget.Token);

        Assert.Equal(TrialState.Complete, result.State);
        Assert.Equal(81, result.CutShortTo!.GetInt("trees", 0));
        Assert.Equal(Lightgbm.Values.SetItem("trees", 81.0), result.CutShortTo.Values);
        Assert.Contains("cut short by the time budget", result.Error);
        Assert.True(store.FinishTrial(trial.Id, result));
        var recorded = Assert.Single(store.LoadTrials(study.Id));
        Assert.Equal(81, recorded.Parameters.GetInt("trees", 0));
        Assert.Equal(81, store.LoadSteps(trial.Id).Count);

        // What the record says trains the model the trial measured: the export and the re-evaluation train from it.
        var fold = prepared.Folds[0];
        var again = TrialExecutor.TrainUnreported(recorded, fold, studySeed: 1, "auc", CancellationToken.None);
        Assert.Equal(result.Value!.Value, MetricCalculator.Compute(fold.Validation.Labels, again.Model.Predict(fold.Validation.Features), "auc"), 12);
    }

    [Fact]
    public async Task A_trial_the_user_interrupts_is_cancelled_and_keeps_its_parameters()
    {
        var directory = Samples.TempDirectory();
        using var interrupt = new CancellationTokenSource();
        var space = SearchSpaceReader.Parse("""{"trainers": {"lightgbm": {"trees": {"value": 300}, "learning_rate": {"value": 0.05}, "leaves": {"value": 8}}}}""", "test space");
        var options = new StudyOptions
        {
            Data = Samples.Data("spam.csv"), Label = "type", Trials = 1, Parallel = 1, Study = "test", Out = directory,
        };
        var components = new StudyComponents { Space = space, Pruner = _ => new CancelAt(81, interrupt) };

        using (var session = TuningSession.Open(options, components))
            await session.SearchAsync(cancellationToken: interrupt.Token);

        var trial = Assert.Single(StudyHarness.Trials(directory));
        Assert.Equal((TrialState.Cancelled, "interrupted by the user"), (trial.State, trial.Error));
        Assert.Equal(300, trial.Parameters.GetInt("trees", 0));
    }

    /// <summary>Lets every trial go on, and cancels the token when a trial reports the given step: a budget that runs out then.</summary>
    private sealed class CancelAt(int step, CancellationTokenSource source) : IPruner
    {
        public string? Check(int trial, int reported, double value, CurveBoard board)
        {
            if (reported == step) source.Cancel();
            return null;
        }
    }
}
