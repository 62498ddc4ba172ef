using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Tuner.Tests.Cli;

namespace Tuner.Tests.Faults;

/// <summary>
/// Another process holds the SQLite store's write lock mid-study: the tuner waits its busy timeout, then one line
/// saying the store is locked by another process, exit code 2, and every trial finished before the lock is kept.
/// </summary>
public sealed class SqliteLockTests
{
    [Fact]
    public void A_store_locked_by_another_process_ends_the_run_with_one_line_and_keeps_every_finished_trial()
    {
        var work = Samples.TempDirectory();
        var storage = Path.Combine(work, "out", "study.db");
        using var tuner = TunerProcess.Start(work, "tune", "--data", Samples.Data("spam.csv"), "--label", "type", "--trainers", "sgd",
            "--trials", "100000", "--time", "120", "--out", "out", "--study", "test");
        var waited = Stopwatch.StartNew();
        while (tuner.Stdout.Count(l => l.StartsWith("trial ", StringComparison.Ordinal)) < 3 && waited.Elapsed < TimeSpan.FromSeconds(90))
            Thread.Sleep(20);

        using var other = new SqliteConnection($"Data Source={storage};Pooling=False");
        other.Open();
        Execute(other, "BEGIN EXCLUSIVE");
        var finished = Finished(other);
        var exit = tuner.WaitForExit(TimeSpan.FromMinutes(2));
        Execute(other, "ROLLBACK");

        Assert.True(exit == 2, $"exit code {exit}, stderr: {string.Join(" | ", tuner.Stderr)}");
        var line = Assert.Single(tuner.Stderr);
        Assert.Contains($"The study store '{Path.Combine("out", "study.db")}' is locked by another process", line);
        Assert.NotEmpty(finished);
        var after = Tests.Study.StudyHarness.StoredTrials(storage);
        foreach (var (number, state, value) in finished)
        {
            var kept = after.Single(t => t.Number == number);
            Assert.Equal((state, value), (kept.State.ToString().ToLowerInvariant(), kept.Value));
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The trials finished when the lock was taken, read under it.</summary>
    private static List<(int Number, string State, double? Value)> Finished(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, state, value FROM trials WHERE state <> 'running'";
        using var reader = command.ExecuteReader();
        var rows = new List<(int, string, double?)>();
        while (reader.Read()) rows.Add((reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2)));
        return rows;
    }
}
