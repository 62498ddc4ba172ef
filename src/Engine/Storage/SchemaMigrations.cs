namespace Tuner.Storage;

/// <summary>A change of the store's tables: the schema version it brings a store to, and its SQL for each engine.</summary>
internal sealed record Migration(int Version, string Sqlite, string Postgres);

/// <summary>
/// The store's schema versions. A store records the migrations applied to it in schema_version (one row
/// each, the highest is its version); opening it applies the missing ones, in order, inside the
/// transaction that opens it. A store written before versions existed (release 1) has no such table and
/// counts as version 0: migration 1 creates release 1's tables only where they are missing. A store of a
/// version this build does not know is refused, since its rows may mean what this build cannot read.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>Failed trials whose error carries the prefix release 1 marked stopped trials with get the state instead.</summary>
    public const string StoppedStates = """

        UPDATE trials SET state = 'cancelled', error = ltrim(substr(error, 11)) WHERE state = 'failed' AND substr(error, 1, 10) = 'cancelled:';
        UPDATE trials SET state = 'interrupted', error = ltrim(substr(error, 13)) WHERE state = 'failed' AND substr(error, 1, 12) = 'interrupted:';
        """;

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, SqliteSchema.Release1, PostgresSchema.Release1),
        new(2, SqliteSchema.TrialStates, PostgresSchema.TrialStates),
        new(3, SqliteSchema.TrialReplicates, PostgresSchema.TrialReplicates),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>The store's schema version, 0 for a new store or one written before versions; creates the version table if missing.</summary>
    public static int Read(StoreSession session)
    {
        session.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        return Convert.ToInt32(session.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    }

    /// <summary>Applies the migrations after <paramref name="version"/>, each with <paramref name="sql"/>'s SQL; call in the opening transaction.</summary>
    public static void Apply(StoreSession session, string location, int version, Func<Migration, string> sql)
    {
        if (version > Latest)
            throw new UserInputException(
                $"Store '{location}' has schema version {version}; this tuner knows versions up to {Latest}; upgrade the tuner to open it.");
        foreach (var migration in All.Where(m => m.Version > version))
        {
            session.Execute(sql(migration));
            session.Execute("INSERT INTO schema_version(version) VALUES (@version)", ("@version", migration.Version));
        }
    }
}
