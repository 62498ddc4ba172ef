using Npgsql;

namespace Tuner.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests use, named by TUNER_POSTGRES ("Host=...;Port=...;Username=...;Password=...;Database=...",
/// a user allowed to create databases). Each test gets a fresh database of its own, dropped when it ends.
/// Without a server the PostgreSQL tests are skipped, unless TUNER_REQUIRE_POSTGRES=1 (set by .ci/run), where they fail.
/// </summary>
public static class PostgresServer
{
    public const string SkipReason =
        "SKIPPED: no PostgreSQL server configured. Set TUNER_POSTGRES=\"Host=127.0.0.1;Port=5432;Username=...;Password=...;Database=...\" " +
        "(a user allowed to create databases; `eval \"$(.ci/postgres)\"` starts one) to run the PostgreSQL tests. CI always runs them.";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable("TUNER_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>True when the PostgreSQL tests must be skipped: no server and not required.</summary>
    public static bool Skipped => ConnectionString is null && Environment.GetEnvironmentVariable("TUNER_REQUIRE_POSTGRES") != "1";

    /// <summary>A new empty database on the server; its connection string has the server's user and password.</summary>
    public static TestDatabase CreateDatabase()
    {
        var server = ConnectionString ?? throw new InvalidOperationException(
            "TUNER_REQUIRE_POSTGRES=1 but TUNER_POSTGRES is not set: the PostgreSQL tests must run here; start a server (.ci/postgres) and set TUNER_POSTGRES.");
        var name = $"tuner_test_{Guid.NewGuid():N}";
        Execute(server, $"CREATE DATABASE {name}");
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server);
    }

    internal static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A database made for one test, dropped (with any connections left to it) on dispose.</summary>
public sealed class TestDatabase(string name, string connectionString, string server) : IDisposable
{
    public string ConnectionString { get; } = connectionString;

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        PostgresServer.Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
