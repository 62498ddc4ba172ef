namespace Tuner.Storage;

/// <summary>The SQLite tables of a study store, and the columns added since the first version.</summary>
public static class SqliteSchema
{
    public const string Create = """
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
        """;

    /// <summary>Created after <see cref="Upgrades"/>, since a store of the first version lacks the columns.</summary>
    public const string Indexes = "CREATE INDEX IF NOT EXISTS trials_changes ON trials(study_id, version);";

    /// <summary>Columns a store written by an earlier version lacks: (table, column, definition).</summary>
    public static readonly IReadOnlyList<(string Table, string Column, string Definition)> Upgrades =
    [
        ("studies", "plan", "TEXT"),
        ("studies", "version", "INTEGER NOT NULL DEFAULT 0"),
        ("trials", "worker", "TEXT"),
        ("trials", "heartbeat", "INTEGER"),
        ("trials", "version", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
