using Microsoft.Data.Sqlite;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Storage;

/// <summary>Opening a store brings it to this build's schema version, and a store of a newer version is refused.</summary>
public sealed class SchemaMigrationTests
{
    /// <summary>
    /// A study.db written by release 1 (before schema versions): `tuner tune` on breastcancer_wisc_na.csv with a 5 s
    /// budget, which stopped trial 18 ("cancelled: time budget spent"); then a trial 27 left running with no worker,
    /// as a killed process of that release leaves one, which release 1's resume (`--trials 28`) gave up
    /// ("interrupted: the process running it stopped") before running trials 28 and 29. 30 trials, 1,769 steps.
    /// </summary>
    private static readonly string Release1 = Path.Combine(Samples.RepositoryRoot, "tests", "Tuner.Tests", "Storage", "Fixtures", "release-1.db");

    [Fact]
    public void A_store_written_by_release_1_opens_at_the_latest_version_with_its_trials_states_and_curves()
    {
        var path = Path.Combine(Samples.TempDirectory(), "study.db");
        File.Copy(Release1, path);
        var before = Rows(path, "SELECT number, state, error, value FROM trials ORDER BY number",
            r => (Number: r.GetInt32(0), State: r.GetString(1), Error: r.IsDBNull(2) ? null : r.GetString(2), Value: r.IsDBNull(3) ? (double?)null : r.GetDouble(3)));
        var steps = Rows(path, "SELECT COUNT(*) FROM trial_steps", r => r.GetInt64(0)).Single();
        Assert.Contains(before, t => t.State == "failed" && t.Error!.StartsWith("cancelled: ", StringComparison.Ordinal));
        Assert.Contains(before, t => t.State == "failed" && t.Error!.StartsWith("interrupted: ", StringComparison.Ordinal));

        using (var store = RelationalStudyStore.OpenSqlite(path))
        {
            var study = Assert.Single(store.ListStudies());
            var info = store.FindStudy(study.Name)!;
            var trials = store.LoadTrials(info.Id);
            Assert.Equal(before.Select(t => (t.Number, t.Value)), trials.Select(t => (t.Number, t.Value)));
            foreach (var (old, now) in before.Zip(trials))
            {
                var (state, error) = old.Error switch
                {
                    { } e when old.State == "failed" && e.StartsWith("cancelled: ", StringComparison.Ordinal) => (TrialState.Cancelled, e["cancelled: ".Length..]),
                    { } e when old.State == "failed" && e.StartsWith("interrupted: ", StringComparison.Ordinal) => (TrialState.Interrupted, e["interrupted: ".Length..]),
                    _ => (StoreRows.ParseState(old.State), old.Error),
                };
                Assert.Equal((state, error), (now.State, now.Error));
            }

            Assert.Equal(2, trials.Count(t => t.IsRetryable));
            Assert.Equal(study.Complete, trials.Count(t => t.State == TrialState.Complete));
            Assert.All(trials.Where(t => t.State == TrialState.Complete), t => Assert.Equal(t.Value, t.Metrics[$"valid_{info.Config.Metric}"]));
            Assert.Equal(steps, trials.Sum(t => store.LoadSteps(t.Id).Count));
            Assert.Equal(steps, store.LoadCurves(trials.Select(t => (t.Id, 0)).ToList()).Count);

            // The new states are writable, and the study carries on numbering after its old trials.
            var next = store.TryStartTrial(info.Id, trials[^1].Number + 1, new TrialProposal(trials[0].Trainer, trials[0].Parameters, false), "w")!;
            Assert.True(store.FinishTrial(next.Id, new TrialResult(TrialState.Cancelled, null, new Dictionary<string, double>(), 0.1, 0, "time budget spent")));
            Assert.Equal(TrialState.Cancelled, store.LoadTrials(info.Id)[^1].State);
        }

        var versions = SchemaMigrations.All.Select(m => m.Version).ToList();
        Assert.Equal(versions, Rows(path, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0)));
        // Reopening applies nothing more.
        using (RelationalStudyStore.OpenSqlite(path)) { }
        Assert.Equal(versions, Rows(path, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0)));
        Assert.Equal(["trials_changes"], Rows(path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'trials' AND sql IS NOT NULL", r => r.GetString(0)));
        Assert.Empty(Rows(path, "PRAGMA foreign_key_check", r => r.GetString(0)));
    }

    [PostgresFact]
    public void A_release_1_database_opens_with_its_stopped_trials_given_their_states()
    {
        using var db = PostgresServer.CreateDatabase();
        PostgresServer.Execute(db.ConnectionString, PostgresSchema.Release1 + $$"""
            INSERT INTO studies(name, created, task, metric, config) VALUES ('old', now(), 'binary', 'auc', '{{System.Text.Json.JsonSerializer.Serialize(StoreSamples.Config())}}');
            INSERT INTO trials(study_id, number, state, trainer, params, started, error, value, version, claim) VALUES
                (1, 0, 'complete', 'sgd', '{"loss":"log"}', now(), NULL, 0.8, 1, gen_random_uuid()),
                (1, 1, 'failed', 'sgd', '{"loss":"hinge"}', now(), 'cancelled: time budget spent', NULL, 2, gen_random_uuid()),
                (1, 2, 'failed', 'sgd', '{"loss":"modified_huber"}', now(), 'interrupted: the process running it stopped', NULL, 3, gen_random_uuid()),
                (1, 3, 'failed', 'sgd', '{"loss":"log"}', now(), 'ArgumentException: bad', NULL, 4, gen_random_uuid());
            """);

        using var store = RelationalStudyStore.OpenPostgres(db.ConnectionString);
        var trials = store.LoadTrials(store.FindStudy("old")!.Id);
        Assert.Equal([TrialState.Complete, TrialState.Cancelled, TrialState.Interrupted, TrialState.Failed], trials.Select(t => t.State));
        Assert.Equal([null, "time budget spent", "the process running it stopped", "ArgumentException: bad"], trials.Select(t => t.Error));
        using var again = RelationalStudyStore.OpenPostgres(db.ConnectionString);
        Assert.Equal(4, again.LoadTrials(store.FindStudy("old")!.Id).Count);
    }

    [Theory, InlineData(Engines.Sqlite), PostgresData]
    public void A_store_of_a_newer_schema_version_is_refused_with_one_line(string engine)
    {
        using var test = TestStore.Create(engine);
        using (test.Open()) { }
        var newer = SchemaMigrations.Latest + 3;
        const string Bump = "INSERT INTO schema_version(version) VALUES ({0})";
        if (engine == Engines.Sqlite) Rows(test.Storage, string.Format(System.Globalization.CultureInfo.InvariantCulture, Bump, newer), r => 0);
        else PostgresServer.Execute(test.Storage, string.Format(System.Globalization.CultureInfo.InvariantCulture, Bump, newer));

        var refused = Assert.Throws<UserInputException>(test.Open);
        var location = engine == Engines.Sqlite ? test.Storage : PostgresConnection.Describe(test.Storage);
        Assert.Equal($"Store '{location}' has schema version {newer}; this tuner knows versions up to {SchemaMigrations.Latest}; upgrade the tuner to open it.",
            refused.Message);
    }

    private static List<T> Rows<T>(string path, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }
}
