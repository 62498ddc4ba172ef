using Microsoft.ML;
using Tuner.Data;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Study;

public sealed class SizeCurveTests
{
    [Fact]
    public void The_winner_is_trained_on_growing_shares_of_the_rows_and_the_curve_is_stored_with_the_study()
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data("spam.csv"), "type", null, []));
        var prepared = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1);
        var winner = new TrialRecord(1, 3, TrialState.Complete, "sgd", new HyperParameters([new("epochs", 5.0), new("learning_rate", 0.05)]),
            false, DateTimeOffset.UnixEpoch, 0.5, null, null, 0.95, new Dictionary<string, double>());

        var points = SizeCurve.Measure(prepared, winner, "auc", studySeed: 1, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(SizeCurve.Shares, points.Select(p => p.Share));
        Assert.Equal(prepared.Folds[0].Training.Rows, points[^1].Rows);
        Assert.All(points, p => Assert.Equal(SizeCurve.Seeds, p.Validation.Count));
        // Ten times the rows give a linear model on spam a better validation AUC than a tenth of them.
        Assert.True(points[^1].Validation.Average() > points[0].Validation.Average(), string.Join(", ", points.Select(p => p.Validation.Average())));
        Assert.NotNull(Tuner.Reports.Diagnosis.SizeVerdict.Judge(points, MetricInfo.Binary[0]));

        // Without time to spare it still fits the two the verdict compares, half the rows and all of them, once.
        var quick = SizeCurve.Measure(prepared, winner, "auc", studySeed: 1, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal([0.5, 1.0], quick.Select(p => p.Share));
        Assert.All(quick, p => Assert.Single(p.Validation));

        var path = Path.Combine(Samples.TempDirectory(), "study.db");
        using var store = StoredStudy.OpenStore(path);
        var study = store.CreateStudy("sizes", Tuner.Tests.Storage.StoreSamples.Config());
        SizeCurve.Save(store, study.Id, points);
        Assert.Equal(points.Select(p => p.Validation.Average()), SizeCurve.Load(store, study.Id)!.Select(p => p.Validation.Average()));
    }

    [Fact]
    public void With_one_fold_the_full_size_fit_of_the_first_seed_is_the_winning_trial_itself()
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data("spam.csv"), "type", null, []));
        var prepared = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1);
        var parameters = new HyperParameters([new("epochs", 5.0), new("learning_rate", 0.05)]);
        var trial = new TrialRecord(1, 3, TrialState.Running, "sgd", parameters, false, DateTimeOffset.UnixEpoch, null, null, null, null, new Dictionary<string, double>());
        var fold = prepared.Folds[0];
        var outcome = TrialExecutor.TrainUnreported(trial, fold, studySeed: 1, "auc", CancellationToken.None);
        var measured = TrialMetrics.ForFold(outcome.Model, fold.Training, fold.Validation, outcome.Model.Predict(fold.Validation.Features));
        var winner = trial with { State = TrialState.Complete, Value = measured["valid_auc"], Metrics = measured };

        var points = SizeCurve.Measure(prepared, winner, "auc", studySeed: 1, TimeSpan.Zero, CancellationToken.None);
        var full = Assert.Single(points, p => p.Share == 1.0);
        Assert.Equal(measured["train_auc"], Assert.Single(full.Training));
        Assert.Equal(measured["valid_auc"], Assert.Single(full.Validation));

        // It is the trial's record that is read, not a fit again: a record that says otherwise is what the curve shows.
        var recorded = winner with { Metrics = new Dictionary<string, double> { ["train_auc"] = 0.25, ["valid_auc"] = 0.125 } };
        var fromRecord = Assert.Single(SizeCurve.Measure(prepared, recorded, "auc", studySeed: 1, TimeSpan.Zero, CancellationToken.None), p => p.Share == 1.0);
        Assert.Equal([0.125], fromRecord.Validation);
    }
}
