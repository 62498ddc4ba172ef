using System.Data.Common;
using System.Text.Json;
using Tuner.Study;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// How trials, steps and studies map to rows, shared by both engines so they read and write the same
/// values: non-finite numbers are stored as NULL and read back as NaN, states as lower-case text.
/// </summary>
internal static class StoreRows
{
    /// <summary>Every row of <paramref name="command"/>'s result, each read by <paramref name="read"/>.</summary>
    public static List<T> ReadAll<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>The trial columns every trial query selects, in the order <see cref="ReadTrial"/> reads them.</summary>
    public const string TrialColumns = "id, number, state, trainer, params, baseline, started, duration_s, peak_memory, error, value, version";

    /// <summary>The step columns every step query selects, in the order <see cref="ReadStep"/> reads them.</summary>
    public const string StepColumns = "step, train_loss, valid_loss, valid_metric, learning_rate, grad_norm, weight_norm, layer_grad_norms";

    /// <summary>One row per study for <see cref="ReadSummary"/>; the same SQL on both engines.</summary>
    public const string ListStudies = """
        SELECT s.name, s.created, s.config,
               (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id),
               (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete'),
               (SELECT MIN(value) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete'),
               (SELECT MAX(value) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete')
        FROM studies s ORDER BY s.created
        """;

    public static string Name(TrialState state) => state.ToString().ToLowerInvariant();

    public static TrialState ParseState(string name) => Enum.Parse<TrialState>(name, ignoreCase: true);

    /// <summary>Infinities would break readers that expect numbers, and SQLite stores NaN as NULL.</summary>
    public static object? Finite(double? value) => FiniteOrNull(value);

    public static double? FiniteOrNull(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    public static TrialRecord ReadTrial(DbDataReader row, IReadOnlyDictionary<string, double> metrics) => new(
        row.GetInt64(0), row.GetInt32(1), ParseState(row.GetString(2)), row.GetString(3), ParameterJson.Read(row.GetString(4)),
        row.GetBoolean(5), row.GetFieldValue<DateTimeOffset>(6), NullableDouble(row, 7), row.IsDBNull(8) ? null : row.GetInt64(8),
        row.IsDBNull(9) ? null : row.GetString(9), NullableDouble(row, 10), metrics);

    /// <summary>A trial just claimed, as the claimer knows it without reading it back.</summary>
    public static TrialRecord Claimed(long id, int number, TrialProposal proposal, DateTimeOffset started) => new(
        id, number, TrialState.Running, proposal.Trainer, proposal.Parameters, proposal.IsBaseline, started, null, null, null, null,
        new Dictionary<string, double>());

    /// <summary>A row of (trial_id, step, valid_metric).</summary>
    public static CurvePoint ReadCurvePoint(DbDataReader row) =>
        new(row.GetInt64(0), row.GetInt32(1), row.IsDBNull(2) ? double.NaN : row.GetDouble(2));

    /// <summary>The version column of a row read with <see cref="TrialColumns"/>.</summary>
    public static long ReadVersion(DbDataReader row) => row.GetInt64(11);

    public static EpochRecord ReadStep(DbDataReader row)
    {
        double At(int i) => row.IsDBNull(i) ? double.NaN : row.GetDouble(i);
        var layers = JsonSerializer.Deserialize<double?[]>(row.GetString(7))!.Select(v => v ?? double.NaN).ToList();
        return new EpochRecord(row.GetInt32(0), At(1), At(2), At(3), At(4), At(5), At(6), layers);
    }

    /// <summary>A step's values in <see cref="StepColumns"/> order.</summary>
    public static object?[] StepValues(EpochRecord step) =>
    [
        step.Epoch, Finite(step.TrainingLoss), Finite(step.ValidationLoss), Finite(step.ValidationMetric), Finite(step.LearningRate),
        Finite(step.GradientNorm), Finite(step.WeightNorm), LayerNormsJson(step),
    ];

    public static string LayerNormsJson(EpochRecord step) => JsonSerializer.Serialize(step.LayerGradientNorms.Select(v => FiniteOrNull(v)));

    /// <summary>Metrics stored as one JSON object (PostgreSQL's json_object_agg); null values are NaN.</summary>
    public static IReadOnlyDictionary<string, double> ReadMetricsJson(string? json)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (json is null) return metrics;
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            metrics[property.Name] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetDouble() : double.NaN;
        return metrics;
    }

    /// <summary>The study columns every study query selects, in the order <see cref="ReadStudy"/> reads them.</summary>
    public const string StudyColumns = "id, name, created, config, plan";

    public static StudyInfo ReadStudy(DbDataReader row) => new(
        row.GetInt64(0), row.GetString(1), row.GetFieldValue<DateTimeOffset>(2), JsonSerializer.Deserialize<StudyConfig>(row.GetString(3))!,
        row.IsDBNull(4) ? null : JsonSerializer.Deserialize<StudyPlan>(row.GetString(4)));

    /// <summary>A row of the study list: name, created, config, trials, complete, lowest and highest complete value.</summary>
    public static StudySummary ReadSummary(DbDataReader row)
    {
        var config = JsonSerializer.Deserialize<StudyConfig>(row.GetString(2))!;
        var best = row.IsDBNull(6) ? (double?)null : config.HigherIsBetter ? row.GetDouble(6) : row.GetDouble(5);
        return new StudySummary(row.GetString(0), row.GetFieldValue<DateTimeOffset>(1), config.Task, config.Metric,
            Convert.ToInt32(row.GetValue(3)), Convert.ToInt32(row.GetValue(4)), best);
    }

    public static string? ReplicateKindName(ScoreReplicates? replicates) => replicates is null ? null : StoredReplicates.KindName(replicates);

    /// <summary>A row of (trial_id, kind, replicates).</summary>
    public static (long TrialId, StoredReplicates Replicates) ReadReplicates(DbDataReader row) =>
        (row.GetInt64(0), new StoredReplicates(row.GetString(1), ScoreReplicates.FromBytes(row.GetFieldValue<byte[]>(2))));

    /// <summary>The worker stored with a running trial; "" for trials stored before workers were recorded.</summary>
    public static string ReadWorker(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? "" : row.GetString(ordinal);

    private static double? NullableDouble(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetDouble(ordinal);
}
