namespace Tuner.Storage;

/// <summary>The SQLite side of <see cref="SchemaMigrations"/>: the SQL of each migration, and the columns of stores older than release 1.</summary>
internal static class SqliteSchema
{
    /// <summary>Migration 1: the tables as release 1 wrote them.</summary>
    public const string Release1 = """
        CREATE TABLE IF NOT EXISTS studies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            task TEXT NOT NULL,
            metric TEXT NOT NULL,
            config TEXT NOT NULL,
            plan TEXT,
            version INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS trials (
            id INTEGER PRIMARY KEY,
            study_id INTEGER NOT NULL REFERENCES studies(id),
            number INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'pruned', 'diverged', 'failed')),
            trainer TEXT NOT NULL,
            params TEXT NOT NULL,
            baseline INTEGER NOT NULL DEFAULT 0,
            started TEXT NOT NULL,
            duration_s REAL,
            peak_memory INTEGER,
            error TEXT,
            value REAL,
            worker TEXT,
            heartbeat INTEGER,
            version INTEGER NOT NULL DEFAULT 0,
            UNIQUE (study_id, number));
        CREATE TABLE IF NOT EXISTS trial_metrics (
            trial_id INTEGER NOT NULL REFERENCES trials(id),
            name TEXT NOT NULL,
            value REAL,
            PRIMARY KEY (trial_id, name));
        CREATE TABLE IF NOT EXISTS trial_steps (
            trial_id INTEGER NOT NULL REFERENCES trials(id),
            step INTEGER NOT NULL,
            train_loss REAL, valid_loss REAL, valid_metric REAL, learning_rate REAL,
            grad_norm REAL, weight_norm REAL, layer_grad_norms TEXT NOT NULL,
            PRIMARY KEY (trial_id, step));
        CREATE TABLE IF NOT EXISTS study_files (
            study_id INTEGER NOT NULL REFERENCES studies(id),
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            content BLOB NOT NULL,
            PRIMARY KEY (study_id, role));
        CREATE INDEX IF NOT EXISTS trials_changes ON trials(study_id, version);
        """;

    /// <summary>
    /// Migration 2: trials stopped before they could finish are 'cancelled' (Ctrl+C, the time budget, the target
    /// reached) or 'interrupted' (their process died or went silent), no longer 'failed' with a prefix on the
    /// error. A CHECK constraint cannot be altered in SQLite, so the table is rebuilt with the same rows and ids.
    /// </summary>
    public const string TrialStates = """
        CREATE TABLE trials_new (
            id INTEGER PRIMARY KEY,
            study_id INTEGER NOT NULL REFERENCES studies(id),
            number INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'pruned', 'diverged', 'failed', 'cancelled', 'interrupted')),
            trainer TEXT NOT NULL,
            params TEXT NOT NULL,
            baseline INTEGER NOT NULL DEFAULT 0,
            started TEXT NOT NULL,
            duration_s REAL,
            peak_memory INTEGER,
            error TEXT,
            value REAL,
            worker TEXT,
            heartbeat INTEGER,
            version INTEGER NOT NULL DEFAULT 0,
            UNIQUE (study_id, number));
        INSERT INTO trials_new(id, study_id, number, state, trainer, params, baseline, started, duration_s, peak_memory, error, value, worker, heartbeat, version)
        SELECT id, study_id, number, state, trainer, params, baseline, started, duration_s, peak_memory, error, value, worker, heartbeat, version FROM trials;
        DROP TABLE trials;
        ALTER TABLE trials_new RENAME TO trials;
        CREATE INDEX trials_changes ON trials(study_id, version);
        """ + SchemaMigrations.StoppedStates;

    /// <summary>
    /// Migration 3: each complete trial's replicates of its validation ranking metric (one per bootstrap resample of the
    /// validation rows, or one per fold) as little-endian 32-bit floats, from which its interval and its paired
    /// differences with other trials come.
    /// </summary>
    public const string TrialReplicates = """
        CREATE TABLE trial_replicates (
            trial_id INTEGER PRIMARY KEY REFERENCES trials(id),
            kind TEXT NOT NULL,
            replicates BLOB NOT NULL);
        """;

    /// <summary>Columns that stores older than release 1 lack, added before migration 1: (table, column, definition).</summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> EarlyColumns =
    [
        ("studies", "plan", "TEXT"),
        ("studies", "version", "INTEGER NOT NULL DEFAULT 0"),
        ("trials", "worker", "TEXT"),
        ("trials", "heartbeat", "INTEGER"),
        ("trials", "version", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
