using Tuner.Engine;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Tests.Storage;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Study;

/// <summary>Several runners on one study through a shared store, in one process (each with its own connection).</summary>
public sealed class SharedStudyTests
{
    private static readonly string Cancer = Samples.Data("breastcancer_wisc_na.csv");

    private static StudyOptions Options(string storage, int trials, double heartbeatTimeout = StudyPlan.DefaultHeartbeatTimeoutSeconds) =>
        StudyHarness.Options(Cancer, "Class", Samples.TempDirectory(), trials, trainers: "sgd", ignore: ["Id"], storage: storage,
            heartbeatTimeout: heartbeatTimeout);

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public async Task Two_jobs_sharing_a_study_run_its_budget_once_with_unique_numbers_and_configurations(string engine)
    {
        using var test = TestStore.Create(engine);

        var exits = await Task.WhenAll(StudyHarness.RunAsync(Options(test.Storage, 12)), StudyHarness.RunAsync(Options(test.Storage, 12)));

        Assert.Equal([0, 0], exits);
        var trials = StudyHarness.StoredTrials(test.Storage);
        var settled = trials.Where(t => t.IsFinished && !t.IsRetryable).ToList();
        Assert.Equal(12, settled.Count);
        Assert.Equal(Enumerable.Range(0, trials.Count), trials.Select(t => t.Number));
        Assert.Equal(settled.Count, settled.Select(t => t.Key).Distinct().Count());
        Assert.DoesNotContain(trials, t => t.State == TrialState.Running);
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public async Task A_trial_whose_worker_elsewhere_went_silent_is_given_up_and_its_configuration_run_again(string engine)
    {
        using var test = TestStore.Create(engine);
        Assert.Equal(0, await StudyHarness.RunAsync(Options(test.Storage, 3)));
        TrialRecord abandoned;
        using (var store = test.Open())
        {
            // A worker on another machine claimed a trial and then went quiet (lost machine): no heartbeat ever again.
            var study = store.FindStudy("test")!;
            var space = SpaceSelection.Select(null, ["sgd"], TaskKind.Binary);
            var proposal = new RandomSampler(space, 7).Propose(1000, store.LoadTrials(study.Id));
            abandoned = store.TryStartTrial(study.Id, 3, proposal, "another-machine:4242:1")!;
        }

        Assert.Equal(0, await StudyHarness.RunAsync(Options(test.Storage, 6, heartbeatTimeout: 1)));

        var trials = StudyHarness.StoredTrials(test.Storage);
        var given = trials.Single(t => t.Id == abandoned.Id);
        Assert.Equal(TrialState.Interrupted, given.State);
        Assert.StartsWith("its worker sent no heartbeat", given.Error);
        Assert.Single(trials, t => t.Key == abandoned.Key && t.IsFinished && !t.IsRetryable && t.Number > abandoned.Number);
        Assert.Equal(6, trials.Count(t => t.IsFinished && !t.IsRetryable));
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void The_incremental_history_matches_the_stored_one_as_other_workers_change_it(string engine)
    {
        using var test = TestStore.Create(engine);
        using var mine = test.Open();
        using var theirs = test.Open();
        var study = mine.CreateStudy("s", StoreSamples.Config());
        var history = new StudyHistory(mine, study.Id);
        var running = new List<TrialRecord>();

        for (var round = 0; round < 5; round++)
        {
            running.Add(StoreSamples.ClaimNext(theirs, study.Id, StoreSamples.Proposal(2 * round), "them"));
            running.Add(StoreSamples.ClaimNext(theirs, study.Id, StoreSamples.Proposal(2 * round + 1), "them"));
            theirs.FinishTrial(running[0].Id, StoreSamples.Complete(0.5 + round / 10.0));
            running.RemoveAt(0);
            history.Sync();

            var stored = mine.LoadTrials(study.Id);
            Assert.Equal(stored.Select(t => (t.Id, t.Number, t.State, t.Value, t.Key)), history.Trials.Select(t => (t.Id, t.Number, t.State, t.Value, t.Key)));
            Assert.Equal(stored.Select(t => t.Metrics.Count), history.Trials.Select(t => t.Metrics.Count));
        }

        Assert.Empty(history.Sync());
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void Curves_of_trials_run_elsewhere_reach_the_pruners_board(string engine)
    {
        using var test = TestStore.Create(engine);
        using var mine = test.Open();
        using var theirs = test.Open();
        var study = mine.CreateStudy("s", StoreSamples.Config());
        var board = new CurveBoard();
        var curves = new ForeignCurves(mine, board);
        var history = new StudyHistory(mine, study.Id);
        var own = mine.TryStartTrial(study.Id, 0, StoreSamples.Proposal(0), "me")!;
        var other = theirs.TryStartTrial(study.Id, 1, StoreSamples.Proposal(1), "them")!;
        theirs.ReportSteps(other.Id, [StoreSamples.Step(1, 0.6)]);
        board.Record(own.Number, own.Trainer, 1, 0.7);

        curves.Track(history.Sync(), id => id == own.Id);
        curves.Refresh();
        Assert.Equal([0.6], board.ValuesAt(1, own.Number));

        theirs.ReportSteps(other.Id, [StoreSamples.Step(2, 0.65)]);
        curves.Refresh();
        Assert.Equal([0.65], board.ValuesAt(2, own.Number));

        theirs.ReportSteps(other.Id, [StoreSamples.Step(3, 0.66)]);
        theirs.FinishTrial(other.Id, StoreSamples.Complete(0.66));
        curves.Track(history.Sync(), id => id == own.Id);
        curves.Refresh();
        Assert.Equal([0.66], board.ValuesAt(3, own.Number));
        Assert.Equal([0.6, 0.65, 0.66], board.Curve(other.Number));
    }
}
