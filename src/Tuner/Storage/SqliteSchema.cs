namespace Tuner.Storage;

/// <summary>The SQLite tables of a study store.</summary>
public static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS studies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            task TEXT NOT NULL,
            metric TEXT NOT NULL,
            config TEXT NOT NULL);
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
        """;

    public const string ListStudies = """
        SELECT s.name, s.created, s.config,
               (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id),
               (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete'),
               (SELECT MIN(value) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete'),
               (SELECT MAX(value) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete')
        FROM studies s ORDER BY s.created
        """;
}
