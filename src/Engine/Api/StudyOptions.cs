using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Data;

namespace Tuner.Engine;

/// <summary>
/// What a study is run on and how: the options of `tuner tune`, and of a study configured in appsettings.json
/// (section "Tuner:Studies", see <see cref="TunerOptions"/>). Only <see cref="Data"/> and <see cref="Label"/> are required.
/// </summary>
public sealed record StudyOptions
{
    /// <summary>CSV file with a header row (comma or tab separated).</summary>
    public string Data { get; init; } = "";

    /// <summary>The column to predict.</summary>
    public string Label { get; init; } = "";

    /// <summary>Held-out rows; otherwise a seeded, stratified 80/20 split of <see cref="Data"/>.</summary>
    public string? ValidationData { get; init; }

    /// <summary>Inferred from the label when not given.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The ranking metric; defaults: binary auc, multiclass accuracy, regression rmse.</summary>
    public string? Metric { get; init; }

    /// <summary>Time budget of this run in seconds (<see cref="Budget.DefaultSeconds"/> when no budget is given).</summary>
    public double? TimeSeconds { get; init; }

    /// <summary>Stop once the study holds this many finished trials.</summary>
    public int? Trials { get; init; }

    /// <summary>Stop once the validation ranking metric reaches this value.</summary>
    public double? Target { get; init; }

    /// <summary>A search-space JSON file; default: the built-in space of the task.</summary>
    public string? SpacePath { get; init; }

    /// <summary>Trainer families (or trainers) the space is restricted to; empty: all of it.</summary>
    public IReadOnlyList<string> Trainers { get; init; } = [];

    /// <summary>The sampler and its settings, e.g. "tpe:candidates=48"; ignored when <see cref="StudyComponents.Sampler"/> is given.</summary>
    public string Sampler { get; init; } = Search.SamplerFactory.Default;

    /// <summary>The pruner and its settings, e.g. "asha:eta=3"; ignored when <see cref="StudyComponents.Pruner"/> is given.</summary>
    public string Pruner { get; init; } = "asha";

    /// <summary>Trials run at once.</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    /// <summary>k-fold cross-validation instead of one holdout split.</summary>
    public int? Folds { get; init; }

    /// <summary>Columns that are not features (ids).</summary>
    public IReadOnlyList<string> IgnoreColumns { get; init; } = [];

    /// <summary>Seed of splits, sampling and trainers.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The study's name (default: &lt;data file&gt;-&lt;label&gt;); the same name continues the study.</summary>
    public string? Study { get; init; }

    /// <summary>The store: an SQLite file or a PostgreSQL connection string; default: <see cref="OutDirectory"/>/study.db.</summary>
    public string? Storage { get; init; }

    /// <summary>The output directory (default: runs/&lt;study&gt;).</summary>
    public string? Out { get; init; }

    /// <summary>Seconds without a heartbeat after which a worker's running trial is given up and retried.</summary>
    public double HeartbeatTimeoutSeconds { get; init; } = StudyPlan.DefaultHeartbeatTimeoutSeconds;

    /// <summary>Seconds a PostgreSQL store may stay unreachable (a restart, a network cut) before the run stops; finished trials are kept.</summary>
    public double OutageTimeoutSeconds { get; init; } = PostgresRetry.DefaultMaxOutage.TotalSeconds;

    /// <summary>Binary: the class the probability stands for (default: 1/true/yes against 0/false/no, else the rarer class).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Values that mean missing in text columns too, e.g. NA (default: only empty cells).</summary>
    public IReadOnlyList<string> TextMissing { get; init; } = [];

    /// <summary>Training rows from which trials start on row subsamples (<see cref="RowRungs"/>); lowered only by tests, to reach the rungs on small data.</summary>
    internal int BigDataRows { get; init; } = RowRungs.BigDataRows;

    /// <summary>How the data's cells are read: the default format, with <see cref="TextMissing"/>'s values also missing in text columns.</summary>
    public CellFormat Cells => CellFormat.Default.WithTextMissing(TextMissing);

    public string StudyName => Study ?? $"{Path.GetFileNameWithoutExtension(Data)}-{Label}";

    public string OutDirectory => Out ?? StoredStudy.DefaultDirectory(StudyName);

    public string StoragePath => Storage ?? Path.Combine(OutDirectory, "study.db");
}
