using System.Text.Json;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Storage;

/// <summary>
/// The study store contract, run against both engines: SQLite always, PostgreSQL when a server is
/// configured. Every test starts from an empty store of its own.
/// </summary>
public sealed class StoreContractTests
{
    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Studies_are_created_found_and_listed(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var first = store.CreateStudy("first", StoreSamples.Config());
        var second = store.CreateStudy("second", StoreSamples.Config(higherIsBetter: false));

        var found = store.FindStudy("first")!;
        Assert.Equal(first.Id, found.Id);
        Assert.Equal(JsonSerializer.Serialize(first.Config), JsonSerializer.Serialize(found.Config));
        Assert.Null(store.FindStudy("third"));
        Assert.NotEqual(first.Id, second.Id);
        // A name created again (as by a second process at the same moment) is the first study.
        Assert.Equal(first.Id, store.CreateStudy("first", StoreSamples.Config(higherIsBetter: false)).Id);
        Assert.True(found.Config.HigherIsBetter);

        var trial = store.TryStartTrial(second.Id, 0, StoreSamples.Proposal(0), "w")!;
        store.FinishTrial(trial.Id, StoreSamples.Complete(0.25));
        store.TryStartTrial(second.Id, 1, StoreSamples.Proposal(1), "w");
        var listed = store.ListStudies();
        Assert.Equal(["first", "second"], listed.Select(s => s.Name));
        Assert.Equal((2, 1, 0.25), (listed[1].Trials, listed[1].Complete, listed[1].BestValue));
        Assert.Equal((0, null), (listed[0].Trials, listed[0].BestValue));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_complete_trial_keeps_its_score_replicates_and_a_trial_without_them_has_none(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var replicates = new Tuner.Trainers.Metrics.ScoreReplicates(Tuner.Trainers.Metrics.ReplicateKind.Folds, [0.5f, 0.75f, float.NaN]);

        var with = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "w")!;
        Assert.True(store.FinishTrial(with.Id, StoreSamples.Complete(0.6) with { Replicates = replicates }));
        var without = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "w")!;
        Assert.True(store.FinishTrial(without.Id, StoreSamples.Complete(0.7)));

        var stored = store.LoadReplicates(study.Id);
        Assert.Equal([with.Id], stored.Keys);
        Assert.Equal("folds", stored[with.Id].Kind);
        Assert.Equal(replicates.Values, stored[with.Id].Values);
        Assert.Empty(store.LoadReplicates(store.CreateStudy("other", StoreSamples.Config()).Id));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_trial_cut_short_is_recorded_with_the_parameters_it_trained_and_others_keep_theirs(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var cut = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "w")!;
        var trained = new HyperParameters(cut.Parameters.Values.SetItem("trees", 243.0));
        Assert.True(store.FinishTrial(cut.Id, StoreSamples.Complete(0.6) with { CutShortTo = trained }));
        var whole = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "w")!;
        Assert.True(store.FinishTrial(whole.Id, StoreSamples.Complete(0.7)));

        var stored = store.LoadTrials(study.Id);
        Assert.Equal(trained.ToString(), stored.Single(t => t.Number == 0).Parameters.ToString());
        Assert.Equal(whole.Parameters.ToString(), stored.Single(t => t.Number == 1).Parameters.ToString());
        Assert.Equal(243, stored.Single(t => t.Number == 0).Parameters.GetInt("trees", 0));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_trial_number_is_claimed_once(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());

        var first = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "a");
        var taken = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(1), "b");
        var next = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "b");

        Assert.NotNull(first);
        Assert.Null(taken);
        Assert.Equal(1, next!.Number);
        var trials = store.LoadTrials(study.Id);
        Assert.Equal([0, 1], trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(TrialState.Running, t.State));
        Assert.Equal(StoreSamples.Proposal(0).Key, trials[0].Key);
        Assert.True(trials[0].IsBaseline);
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Workers_claiming_at_once_through_their_own_connections_get_unique_numbers(string engine)
    {
        using var test = TestStore.Create(engine);
        long studyId;
        using (var store = test.Open()) studyId = store.CreateStudy("s", StoreSamples.Config()).Id;
        const int workers = 4, each = 15;

        var claimed = Enumerable.Range(0, workers).AsParallel().WithDegreeOfParallelism(workers).SelectMany(w =>
        {
            using var store = test.Open();
            return Enumerable.Range(0, each).Select(i => StoreSamples.ClaimNext(store, studyId, StoreSamples.Proposal(w * each + i), $"worker{w}").Number).ToList();
        }).ToList();

        using var reader = test.Open();
        var trials = reader.LoadTrials(studyId);
        Assert.Equal(workers * each, trials.Count);
        Assert.Equal(Enumerable.Range(0, workers * each), trials.Select(t => t.Number));
        Assert.Equal(Enumerable.Range(0, workers * each), claimed.Order());
        Assert.Equal(workers * each, trials.Select(t => t.Key).Distinct().Count());
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Steps_are_stored_replaced_and_read_back_with_non_finite_values_as_NaN(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var trial = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "w")!;

        store.ReportSteps(trial.Id, [StoreSamples.Step(1, 0.7)]);
        store.ReportSteps(trial.Id, [StoreSamples.Step(2, 0.8), StoreSamples.Step(3, double.NaN) with { TrainingLoss = double.PositiveInfinity, LayerGradientNorms = [double.NaN, 1.5] }]);
        store.ReportSteps(trial.Id, [StoreSamples.Step(2, 0.85)]);
        store.ReportSteps(trial.Id, []);

        var steps = store.LoadSteps(trial.Id);
        Assert.Equal([1, 2, 3], steps.Select(s => s.Epoch));
        Assert.Equal(0.85, steps[1].ValidationMetric);
        Assert.Equal(0.6 / 2, steps[1].ValidationLoss);
        Assert.True(double.IsNaN(steps[2].ValidationMetric));
        Assert.True(double.IsNaN(steps[2].TrainingLoss));
        Assert.True(double.IsNaN(steps[2].LayerGradientNorms[0]));
        Assert.Equal(1.5, steps[2].LayerGradientNorms[1]);
        var other = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "w")!;
        store.ReportSteps(other.Id, [StoreSamples.Step(1, 0.4), StoreSamples.Step(2, 0.45)]);
        var curve = store.LoadCurves([(trial.Id, 0), (other.Id, 1)]);
        Assert.Equal([(trial.Id, 1, 0.7), (trial.Id, 2, 0.85)], curve.Take(2).Select(p => (p.TrialId, p.Step, p.Value)));
        Assert.True(double.IsNaN(curve[2].Value));
        Assert.Equal((other.Id, 2, 0.45), (curve[3].TrialId, curve[3].Step, curve[3].Value));
        Assert.Equal(4, curve.Count);
        Assert.Equal([3], store.LoadCurves([(trial.Id, 2)]).Select(p => p.Step));
        Assert.Empty(store.LoadCurves([]));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_result_is_recorded_exactly_once(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var trial = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "w")!;

        Assert.True(store.FinishTrial(trial.Id, StoreSamples.Complete(0.9)));
        Assert.False(store.FinishTrial(trial.Id, new TrialResult(TrialState.Failed, null, new Dictionary<string, double> { ["valid_auc"] = 0.1 }, 2, 1, "late")));

        var stored = Assert.Single(store.LoadTrials(study.Id));
        Assert.Equal((TrialState.Complete, 0.9, (string?)null), (stored.State, stored.Value, stored.Error));
        Assert.Equal(0.9, stored.Metrics["valid_auc"]);
        Assert.Equal(0.91, stored.Metrics["train_auc"], 12);
        Assert.Equal((1.5, 123_456L), (stored.DurationSeconds!.Value, stored.PeakMemoryBytes!.Value));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Pruned_diverged_failed_and_cancelled_results_keep_their_reasons_and_non_finite_metrics_read_as_NaN(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var results = new[]
        {
            new TrialResult(TrialState.Pruned, null, new Dictionary<string, double>(), 0.1, 1, "pruned at epoch 3"),
            new TrialResult(TrialState.Diverged, null, new Dictionary<string, double> { ["valid_auc"] = double.NaN }, 0.2, 1, "diverged at epoch 2"),
            new TrialResult(TrialState.Failed, null, new Dictionary<string, double>(), 0.3, 1, "InvalidOperationException: boom"),
            new TrialResult(TrialState.Complete, double.PositiveInfinity, new Dictionary<string, double>(), 0.4, 1, null),
            new TrialResult(TrialState.Cancelled, null, new Dictionary<string, double>(), 0.5, 1, "time budget spent"),
        };
        for (var i = 0; i < results.Length; i++)
            store.FinishTrial(store.TryStartTrial(study.Id, i, StoreSamples.Proposal(i), "w")!.Id, results[i]);

        var trials = store.LoadTrials(study.Id);
        Assert.Equal([TrialState.Pruned, TrialState.Diverged, TrialState.Failed, TrialState.Complete, TrialState.Cancelled], trials.Select(t => t.State));
        Assert.Equal(["pruned at epoch 3", "diverged at epoch 2", "InvalidOperationException: boom", null, "time budget spent"], trials.Select(t => t.Error));
        Assert.Equal([false, false, false, false, true], trials.Select(t => t.IsRetryable));
        Assert.True(double.IsNaN(trials[1].Metrics["valid_auc"]));
        Assert.Null(trials[3].Value);
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_silent_trial_is_given_up_its_late_result_dropped_and_a_beating_one_kept(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var silent = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "far-away:1:1")!;
        var beating = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "near:2:2")!;

        Thread.Sleep(1500);
        store.Heartbeat([beating.Id]);
        Assert.Equal(0, store.InterruptSilentTrials(study.Id, TimeSpan.FromHours(1), "too quiet"));
        Assert.Equal(1, store.InterruptSilentTrials(study.Id, TimeSpan.FromSeconds(1), "too quiet"));

        Assert.False(store.FinishTrial(silent.Id, StoreSamples.Complete(0.99)));
        Assert.True(store.FinishTrial(beating.Id, StoreSamples.Complete(0.5)));
        var trials = store.LoadTrials(study.Id);
        Assert.Equal((TrialState.Interrupted, "too quiet", (double?)null), (trials[0].State, trials[0].Error, trials[0].Value));
        Assert.True(trials[0].IsRetryable);
        Assert.Equal(TrialState.Complete, trials[1].State);
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Trials_of_gone_workers_are_interrupted_and_others_keep_running(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "host:10:1");
        store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "host:11:1");
        store.TryStartTrial(study.Id, 2, StoreSamples.Proposal(2), "host:10:1");

        Assert.Equal(["host:10:1", "host:11:1"], store.RunningWorkers(study.Id).Order());
        Assert.Equal(0, store.InterruptTrialsOf(study.Id, [], "gone"));
        Assert.Equal(2, store.InterruptTrialsOf(study.Id, ["host:10:1", "host:99:1"], "gone"));

        Assert.Equal([TrialState.Interrupted, TrialState.Running, TrialState.Interrupted], store.LoadTrials(study.Id).Select(t => t.State));
        Assert.Equal(["host:11:1"], store.RunningWorkers(study.Id));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Changes_since_a_version_hold_exactly_the_trials_created_or_changed_since(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        using var other = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        var a = store.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "w")!;
        var b = store.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "w")!;

        var all = store.LoadChanges(study.Id, TrialChanges.Start);
        Assert.Equal([0, 1], all.Trials.Select(t => t.Number));
        Assert.Empty(store.LoadChanges(study.Id, all.Version).Trials);
        Assert.Equal(all.Version, store.LoadChanges(study.Id, all.Version).Version);

        other.FinishTrial(a.Id, StoreSamples.Complete(0.7));
        other.ReportSteps(b.Id, [StoreSamples.Step(1, 0.5)]);
        other.Heartbeat([b.Id]);
        var c = other.TryStartTrial(study.Id, 2, StoreSamples.Proposal(2), "w")!;

        var changes = store.LoadChanges(study.Id, all.Version);
        Assert.Equal([a.Id, c.Id], changes.Trials.Select(t => t.Id));
        Assert.Equal(0.7, changes.Trials[0].Metrics["valid_auc"]);
        Assert.True(changes.Version > all.Version);
        Assert.Empty(store.LoadChanges(study.Id, changes.Version).Trials);
        Assert.Empty(store.LoadChanges(store.CreateStudy("other", StoreSamples.Config()).Id, TrialChanges.Start).Trials);
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Plans_and_data_copies_are_kept_with_the_study(string engine)
    {
        using var test = TestStore.Create(engine);
        using var store = test.Open();
        var study = store.CreateStudy("s", StoreSamples.Config());
        Assert.Null(study.Plan);
        var plan = new StudyPlan("tpe", "asha", 30, new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), 0.95, 12.5);
        store.SetPlan(study.Id, plan);
        var bytes = "a,b\n1,2\n"u8.ToArray();

        store.SaveFile(study.Id, new StoredFile(StoredFile.Data, "x.csv", "f1", bytes));
        store.SaveFile(study.Id, new StoredFile(StoredFile.Data, "y.csv", "f2", [.. bytes, .. "3,4\n"u8.ToArray()]));

        Assert.Equal(plan, store.FindStudy("s")!.Plan);
        var copy = store.LoadFile(study.Id, StoredFile.Data)!;
        Assert.Equal(("y.csv", "f2"), (copy.Name, copy.Fingerprint));
        Assert.Equal("a,b\n1,2\n3,4\n", System.Text.Encoding.UTF8.GetString(copy.Content));
        Assert.True(store.HasFile(study.Id, StoredFile.Data, "f2"));
        Assert.False(store.HasFile(study.Id, StoredFile.Data, "f1"));
        Assert.Null(store.LoadFile(study.Id, StoredFile.Validation));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_reopened_store_resumes_with_the_whole_history(string engine)
    {
        using var test = TestStore.Create(engine);
        long studyId;
        using (var store = test.Open())
        {
            studyId = store.CreateStudy("s", StoreSamples.Config()).Id;
            var done = store.TryStartTrial(studyId, 0, StoreSamples.Proposal(0), "w")!;
            store.ReportSteps(done.Id, [StoreSamples.Step(1, 0.6), StoreSamples.Step(2, 0.65)]);
            store.FinishTrial(done.Id, StoreSamples.Complete(0.65));
            store.TryStartTrial(studyId, 1, StoreSamples.Proposal(1), "w");
        }

        using var reopened = test.Open();
        var study = reopened.FindStudy("s")!;
        var trials = reopened.LoadTrials(study.Id);
        Assert.Equal(studyId, study.Id);
        Assert.Equal([TrialState.Complete, TrialState.Running], trials.Select(t => t.State));
        Assert.Equal(0.65, trials[0].Value);
        Assert.Equal(2, reopened.LoadSteps(trials[0].Id).Count);
        Assert.Equal(2, reopened.TryStartTrial(studyId, 2, StoreSamples.Proposal(2), "w")!.Number);
    }
}
