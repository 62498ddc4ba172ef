using Microsoft.Data.Sqlite;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Storage;

/// <summary>A study.db written before workers, heartbeats, trial versions and schema versions existed still opens, resumes and is extended.</summary>
public sealed class SqliteUpgradeTests
{
    // The tables as the first version of the store wrote them.
    private const string FirstSchema = """
        CREATE TABLE studies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created TEXT NOT NULL, task TEXT NOT NULL,
            metric TEXT NOT NULL, config TEXT NOT NULL);
        CREATE TABLE trials (id INTEGER PRIMARY KEY, study_id INTEGER NOT NULL REFERENCES studies(id), number INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'pruned', 'diverged', 'failed')), trainer TEXT NOT NULL,
            params TEXT NOT NULL, baseline INTEGER NOT NULL DEFAULT 0, started TEXT NOT NULL, duration_s REAL, peak_memory INTEGER,
            error TEXT, value REAL, UNIQUE (study_id, number));
        CREATE TABLE trial_metrics (trial_id INTEGER NOT NULL REFERENCES trials(id), name TEXT NOT NULL, value REAL, PRIMARY KEY (trial_id, name));
        CREATE TABLE trial_steps (trial_id INTEGER NOT NULL REFERENCES trials(id), step INTEGER NOT NULL, train_loss REAL, valid_loss REAL,
            valid_metric REAL, learning_rate REAL, grad_norm REAL, weight_norm REAL, layer_grad_norms TEXT NOT NULL, PRIMARY KEY (trial_id, step));
        """;

    [Fact]
    public void An_older_store_opens_keeps_its_trials_and_gives_up_its_trial_left_running()
    {
        var path = Path.Combine(Samples.TempDirectory(), "study.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = FirstSchema + $$"""
                INSERT INTO studies VALUES (1, 'old', '2025-01-01T00:00:00.0000000+00:00', 'binary', 'auc', '{{System.Text.Json.JsonSerializer.Serialize(StoreSamples.Config())}}');
                INSERT INTO trials VALUES (1, 1, 0, 'complete', 'sgd', '{"loss":"log"}', 1, '2025-01-01T00:00:01.0000000+00:00', 2.5, 100, NULL, 0.8);
                INSERT INTO trial_metrics VALUES (1, 'valid_auc', 0.8);
                INSERT INTO trials VALUES (2, 1, 1, 'running', 'sgd', '{"loss":"hinge"}', 0, '2025-01-01T00:00:02.0000000+00:00', NULL, NULL, NULL, NULL);
                """;
            command.ExecuteNonQuery();
        }

        using var store = RelationalStudyStore.OpenSqlite(path);
        var study = store.FindStudy("old")!;
        var trials = store.LoadTrials(study.Id);
        Assert.Equal([TrialState.Complete, TrialState.Running], trials.Select(t => t.State));
        Assert.Equal(0.8, trials[0].Metrics["valid_auc"]);
        Assert.Equal([""], store.RunningWorkers(study.Id));

        // Its owner is unknown, so it counts as gone: the rerun gives it up and retries it, as before.
        Assert.Equal(1, AbandonedTrials.GiveUp(store, study.Id, TimeSpan.FromHours(1)));
        var next = store.TryStartTrial(study.Id, 2, StoreSamples.Proposal(2), WorkerIdentity.Current)!;
        var changes = store.LoadChanges(study.Id, TrialChanges.Start);
        Assert.Equal([TrialState.Complete, TrialState.Interrupted, TrialState.Running], changes.Trials.Select(t => t.State));
        Assert.True(changes.Trials[1].IsRetryable);
        Assert.Equal([next.Id], store.LoadChanges(study.Id, changes.Version - 1).Trials.Select(t => t.Id));
    }
}
