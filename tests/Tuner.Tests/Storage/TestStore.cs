using Tuner.Storage;

namespace Tuner.Tests.Storage;

/// <summary>The two store engines, as theory data.</summary>
public static class Engines
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
}

/// <summary>
/// A fresh, empty store of one engine for one test: an SQLite file in a new directory, or a new PostgreSQL
/// database. <see cref="Storage"/> is the --storage value naming it; <see cref="Open"/> opens another
/// connection to it, as another process would.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly TestDatabase? _database;

    private TestStore(string storage, TestDatabase? database)
    {
        Storage = storage;
        _database = database;
    }

    public string Storage { get; }

    public static TestStore Create(string engine) => engine switch
    {
        Engines.Sqlite => new TestStore(Path.Combine(Samples.TempDirectory(), "study.db"), null),
        Engines.Postgres => FromDatabase(PostgresServer.CreateDatabase()),
        _ => throw new ArgumentException($"unknown engine {engine}", nameof(engine)),
    };

    public IStudyStore Open() => StoredStudy.OpenStore(Storage);

    public void Dispose() => _database?.Dispose();

    private static TestStore FromDatabase(TestDatabase database) => new(database.ConnectionString, database);
}
