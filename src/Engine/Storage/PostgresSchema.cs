namespace Tuner.Storage;

/// <summary>
/// The PostgreSQL side of <see cref="SchemaMigrations"/> and the statements <see cref="PostgresDialect"/> writes
/// in one piece. The tables are the SQLite tables with native types, plus a claim token per trial so a claim
/// whose acknowledgement was lost can be recognised when it is retried.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Workers that start together migrate the store one after the other under this advisory lock.</summary>
    public const long MigrationLock = 0x7475_6e65_7200;

    /// <summary>Migration 1: the tables as release 1 wrote them.</summary>
    public const string Release1 = """
        CREATE TABLE IF NOT EXISTS studies (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL UNIQUE,
            created timestamptz NOT NULL,
            task text NOT NULL,
            metric text NOT NULL,
            config text NOT NULL,
            plan text,
            version bigint NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS trials (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            study_id bigint NOT NULL REFERENCES studies(id),
            number integer NOT NULL,
            state text NOT NULL CHECK (state IN ('running', 'complete', 'pruned', 'diverged', 'failed')),
            trainer text NOT NULL,
            params text NOT NULL,
            baseline boolean NOT NULL DEFAULT false,
            started timestamptz NOT NULL,
            duration_s double precision,
            peak_memory bigint,
            error text,
            value double precision,
            worker text,
            heartbeat timestamptz,
            version bigint NOT NULL,
            claim uuid NOT NULL UNIQUE,
            UNIQUE (study_id, number));
        CREATE INDEX IF NOT EXISTS trials_changes ON trials(study_id, version);
        CREATE INDEX IF NOT EXISTS trials_running ON trials(study_id) WHERE state = 'running';
        CREATE TABLE IF NOT EXISTS trial_metrics (
            trial_id bigint NOT NULL REFERENCES trials(id),
            name text NOT NULL,
            value double precision,
            PRIMARY KEY (trial_id, name));
        CREATE TABLE IF NOT EXISTS trial_steps (
            trial_id bigint NOT NULL REFERENCES trials(id),
            step integer NOT NULL,
            train_loss double precision, valid_loss double precision, valid_metric double precision,
            learning_rate double precision, grad_norm double precision, weight_norm double precision,
            layer_grad_norms text NOT NULL,
            PRIMARY KEY (trial_id, step));
        CREATE TABLE IF NOT EXISTS study_files (
            study_id bigint NOT NULL REFERENCES studies(id),
            role text NOT NULL,
            name text NOT NULL,
            fingerprint text NOT NULL,
            content bytea NOT NULL,
            PRIMARY KEY (study_id, role));
        """;

    /// <summary>Migration 2: trials stopped before they could finish are 'cancelled' or 'interrupted', no longer 'failed' with a prefix.</summary>
    public const string TrialStates = """
        ALTER TABLE trials DROP CONSTRAINT trials_state_check;
        ALTER TABLE trials ADD CONSTRAINT trials_state_check
            CHECK (state IN ('running', 'complete', 'pruned', 'diverged', 'failed', 'cancelled', 'interrupted'));
        """ + SchemaMigrations.StoppedStates;

    /// <summary>Migration 3: each complete trial's replicates of its validation ranking metric (see SqliteSchema.TrialReplicates).</summary>
    public const string TrialReplicates = """
        CREATE TABLE trial_replicates (
            trial_id bigint PRIMARY KEY REFERENCES trials(id),
            kind text NOT NULL,
            replicates bytea NOT NULL);
        """;

    /// <summary>
    /// Claims a trial number in one statement. The CTE locks and bumps the study row first, so claims and
    /// changes of one study take versions in commit order; the unique (study_id, number) constraint makes a
    /// taken number insert nothing.
    /// </summary>
    public const string StartTrial = """
        WITH v AS (UPDATE studies SET version = version + 1 WHERE id = @study RETURNING version)
        INSERT INTO trials(study_id, number, state, trainer, params, baseline, started, worker, heartbeat, version, claim)
        SELECT @study, @number, 'running', @trainer, @params, @baseline, @started, @worker, now(), v.version, @claim FROM v
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    /// <summary>
    /// Records a result in one statement, only while the trial is still running. The study row is locked
    /// (for the new version) before the trial row, the same order every writer uses.
    /// </summary>
    public const string FinishTrial = """
        WITH s AS (UPDATE studies SET version = version + 1 WHERE id = (SELECT study_id FROM trials WHERE id = @trial) RETURNING version),
             t AS (UPDATE trials SET state = @state, value = @value, duration_s = @duration, peak_memory = @memory, error = @error,
                          params = COALESCE(@params::text, params), version = (SELECT version FROM s)
                   WHERE id = @trial AND state = 'running' RETURNING id),
             m AS (INSERT INTO trial_metrics(trial_id, name, value)
                   SELECT t.id, x.name, x.value FROM t, unnest(@names::text[], @values::double precision[]) AS x(name, value)
                   ON CONFLICT (trial_id, name) DO UPDATE SET value = excluded.value RETURNING 1),
             r AS (INSERT INTO trial_replicates(trial_id, kind, replicates)
                   SELECT t.id, @kind::text, @replicates::bytea FROM t WHERE @kind::text IS NOT NULL
                   ON CONFLICT (trial_id) DO UPDATE SET kind = excluded.kind, replicates = excluded.replicates)
        SELECT (SELECT COUNT(*) FROM t), (SELECT COUNT(*) FROM m)
        """;

    public const string ReportSteps = """
        INSERT INTO trial_steps(trial_id, step, train_loss, valid_loss, valid_metric, learning_rate, grad_norm, weight_norm, layer_grad_norms)
        SELECT @trial, x.* FROM unnest(@p0::integer[], @p1::double precision[], @p2::double precision[], @p3::double precision[],
                                       @p4::double precision[], @p5::double precision[], @p6::double precision[], @p7::text[]) AS x
        ON CONFLICT (trial_id, step) DO UPDATE SET
            train_loss = excluded.train_loss, valid_loss = excluded.valid_loss, valid_metric = excluded.valid_metric,
            learning_rate = excluded.learning_rate, grad_norm = excluded.grad_norm, weight_norm = excluded.weight_norm,
            layer_grad_norms = excluded.layer_grad_norms
        """;

    /// <summary>
    /// Changed trials with their metrics as one JSON object each: one statement, so one snapshot. The inner
    /// ORDER BY version keeps the (study_id, version) index in use under the generic plan a prepared
    /// statement gets, which would otherwise walk every trial of the study in number order.
    /// </summary>
    public const string LoadChanges = $"""
        SELECT {StoreRows.TrialColumns},
               (SELECT json_object_agg(m.name, m.value) FROM trial_metrics m WHERE m.trial_id = t.id)::text
        FROM (SELECT * FROM trials WHERE study_id = @study AND version > @since ORDER BY version) t
        ORDER BY t.number
        """;
}
