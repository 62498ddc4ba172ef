using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.ML;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Production;

/// <summary>
/// best.json: the settings the tuner chose, as a production service consumes them. <see cref="Load"/> reads
/// the file and <see cref="CreatePipeline"/> gives an ML.NET estimator (featurization and trainer) that
/// retrains on fresh data with exactly these settings. The format is described by best.schema.json next to
/// this file; <see cref="CurrentFormat"/> changes whenever a field changes meaning.
/// </summary>
public sealed record TunedSettings(
    [property: Description("Version of this file's format.")] int Format,
    [property: Description("Name of the study the settings come from.")] string Study,
    [property: Description("Number of the winning trial in that study.")] int Trial,
    [property: Description("binary, multiclass or regression.")] TaskKind Task,
    [property: Description("Name of the label column.")] string Label,
    [property: Description("Class names in index order; for binary the second is the positive class. Empty for regression.")] IReadOnlyList<string> Classes,
    [property: Description("The ranking metric (validation).")] string Metric,
    [property: Description("Metrics of the winning trial: valid_<name> on validation rows (mean over folds under cross-validation, with valid_<name>_std), train_<name> on training rows; for the ranking metric its 95% interval valid_<name>_low and valid_<name>_high, and, when the best configurations were re-evaluated on fresh folds, reevaluated_valid_<name> (with its _low and _high) and optimism_valid_<name> (how much better the search score looked).")] IReadOnlyDictionary<string, double> Metrics,
    [property: Description("Trainer name, e.g. lightgbm, sgd, mlp.")] string Trainer,
    [property: Description("Trainer family, as --trainers takes it.")] string TrainerFamily,
    [property: Description("Every chosen setting: loss, regularization, learning-rate schedule, batch size, epochs, ... (numbers or strings).")] IReadOnlyDictionary<string, JsonElement> Parameters,
    [property: Description("Seed of the trainer's randomness (initial weights, shuffles).")] int TrainerSeed,
    [property: Description("Seed of the training rows' order and of the validation split.")] int Seed,
    [property: Description("The input columns in order and how each is featurized.")] FeaturizationPlan Featurization,
    [property: Description("Hash of the column names, order and encodings: data with the same schema fingerprint fits this pipeline.")] string SchemaFingerprint,
    [property: Description("Hash of the data the study ran on (rows and values).")] string DataFingerprint,
    [property: Description("Columns of the data the study left out.")] IReadOnlyList<string> IgnoreColumns,
    [property: Description("Number of cross-validation folds (1: a holdout split or separate validation data).")] int Folds,
    [property: Description("Path of the training data the study used.")] string Data,
    [property: Description("Path of the separate validation data, if any.")] string? ValidationData)
{
    public const int CurrentFormat = 2;

    /// <summary>How best.json (and the settings stored in model.zip) are written and read.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The positive class of a binary task (PredictedLabel true, Probability its probability); null otherwise.</summary>
    [Description("Binary: the positive class (the second of classes), which PredictedLabel = true and Probability stand for. Null otherwise.")]
    public string? PositiveClass => Task == TaskKind.Binary ? Classes[1] : null;

    /// <summary>The trainer's settings as the trainers read them, with the trainer's seed.</summary>
    [JsonIgnore]
    public HyperParameters TrainerParameters => new HyperParameters(Parameters.Select(p =>
        new KeyValuePair<string, object>(p.Key, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetDouble()))).WithSeed(TrainerSeed);

    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid best.json; the message says what is wrong.</exception>
    public static TunedSettings Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Settings file '{path}' does not exist; `tuner export` or `tuner tune` writes best.json.", path);
        TunedSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<TunedSettings>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid best.json: {e.Message}", e);
        }

        if (settings is null) throw new InvalidDataException($"'{path}' is empty; expected the settings object of best.json.");
        var problem = settings.Problem();
        return problem is null ? settings : throw new InvalidDataException($"'{path}': {problem}");
    }

    /// <summary>The JSON schema of best.json (draft 2020-12), with each field's description.</summary>
    public static string JsonSchema()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false)
                    .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
                if (description is not null && node is JsonObject obj) obj.Insert(0, "description", description);
                return node;
            },
        };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(new JsonSerializerOptions(JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() }, typeof(TunedSettings), exporter);
        var root = (JsonObject)schema;
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "title", "Tuner best.json");
        root.Insert(2, "description", "The settings a Tuner study chose, as TunedSettings.Load reads them.");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));

    /// <summary>
    /// The chosen pipeline as an estimator: featurization fitted on the rows given to Fit, then the trainer
    /// with these settings. Fit lays the training rows out in the order the tuner did (seeded by
    /// <see cref="Seed"/>), so the same rows give the same model. The trainers' per-epoch validation (early
    /// stopping) uses <paramref name="validation"/>, or the training rows when none is given.
    /// </summary>
    public IEstimator<ITransformer> CreatePipeline(MLContext ml, IDataView? validation = null) =>
        new TunedPipelineEstimator(ml, this, validation);

    /// <summary>
    /// Loads a CSV file with a header row in the model's input form: numeric columns as Single, the others as
    /// text (the pipeline trims and maps them); the label, if the file has it, as text or, for regression, Single.
    /// </summary>
    /// <exception cref="InvalidDataException">A cell cannot be read the way the model reads its column; the message names the row, column and value.</exception>
    public IDataView LoadCsv(MLContext ml, string path, char separator = ',') => SettingsCsv.Load(ml, this, path, separator);

    /// <summary>
    /// Scores <paramref name="data"/> (every row labelled) with a model fitted from these settings and computes
    /// the metrics best.json lists, under the same names without the "valid_" prefix (e.g. "auc", "rmse").
    /// </summary>
    public IReadOnlyDictionary<string, double> Evaluate(ITransformer model, IDataView data)
    {
        var (_, labelTexts) = DataViewColumns.Read(data, [], Label, Featurization.Cells); // the features are read once, by the model
        if (Array.IndexOf(labelTexts, null) is var missing and >= 0)
            throw new ArgumentException($"Row {missing + 1} has no '{Label}'; evaluation needs a label on every row.");
        var labels = labelTexts.Select(l => EncodeLabel(l!)).ToArray();
        return MetricCalculator.Compute(labels, Score(model, data, labels.Length));
    }

    /// <summary>
    /// Each row's prediction by a model fitted from these settings: [probability of the positive class] for
    /// binary, one probability per class (in <see cref="Classes"/> order) for multiclass, [value] for regression.
    /// </summary>
    public IReadOnlyList<double[]> Predict(ITransformer model, IDataView data)
    {
        var rows = (int)(data.GetRowCount() ?? CountRows(data));
        var predictions = Score(model, data, rows);
        return Enumerable.Range(0, rows).Select(r => predictions.Row(r).ToArray()).ToList();
    }

    private Predictions Score(ITransformer model, IDataView data, int rows) =>
        ScoreColumns.Read(model.Transform(data), Task, rows, Classes.Count);

    private static long CountRows(IDataView data)
    {
        using var cursor = data.GetRowCursor([]);
        var count = 0L;
        while (cursor.MoveNext()) count++;
        return count;
    }

    /// <summary>The label text as the trainers' number: the class index, or the value for regression.</summary>
    internal float EncodeLabel(string value)
    {
        if (Task == TaskKind.Regression)
            return Featurization.Cells.IsNumber(value) && Featurization.Cells.TryNumber(value, out var number)
                ? number
                : throw new ArgumentException($"Label '{value}' in column '{Label}' is not a number, but the task is regression.");
        var index = ClassLabels.IndexOf(Classes, value);
        return index >= 0 ? index
            : throw new ArgumentException($"Label '{value}' in column '{Label}' is not one of the tuned classes ({string.Join(", ", Classes.Take(10))}).");
    }

    private string? Problem() =>
        Format != CurrentFormat ? $"format {Format} is not supported; this library reads format {CurrentFormat}."
        : !TrainerRegistry.IsKnown(Trainer) ? $"unknown trainer '{Trainer}'."
        : !TrainerRegistry.Supports(Trainer, Task) ? $"trainer '{Trainer}' does not do {Task.ToString().ToLowerInvariant()}."
        : Task == TaskKind.Binary && Classes.Count != 2 ? $"a binary task needs exactly 2 classes, the file has {Classes.Count}."
        : Task == TaskKind.Multiclass && Classes.Count < 2 ? "a multiclass task needs at least 2 classes."
        : Featurization.Columns.Count == 0 ? "the featurization has no columns."
        : Featurization.Cells.Problem is { } cells ? cells
        : Featurization.SchemaFingerprint() != SchemaFingerprint ? "the schema fingerprint does not match the featurization's columns; the file was edited by hand."
        : Parameters.Values.Any(v => v.ValueKind is not (JsonValueKind.Number or JsonValueKind.String)) ? "every parameter must be a number or a string."
        : null;
}
