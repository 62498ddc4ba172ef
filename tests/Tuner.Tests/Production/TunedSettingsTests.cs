using System.Text.Json.Nodes;
using Microsoft.ML;
using Tuner.Tests.Cli;
using Tuner.Tests.Study;
using Tuner.Trainers.Production;

namespace Tuner.Tests.Production;

/// <summary>The library API a production service uses: best.json in, an ML.NET estimator out.</summary>
public sealed class TunedSettingsTests
{
    private static readonly string SchemaFile = Path.Combine(Samples.RepositoryRoot, "src", "Trainers", "Production", "best.schema.json");

    [Theory]
    [InlineData("lightgbm", "binary")]
    [InlineData("sgd", "binary")]
    [InlineData("mlp", "binary")]
    [InlineData("sgd", "regression")]
    [InlineData("fasttree_regression", "regression")]
    [InlineData("lightgbm", "multiclass")]
    [InlineData("mlp", "multiclass")]
    public async Task Retraining_from_best_json_on_the_same_data_reproduces_the_validation_metric(string trainer, string task)
    {
        var dir = Samples.TempDirectory();
        var (train, valid, label, ignore) = task switch
        {
            "binary" => ExportHarness.Cancer(dir),
            "multiclass" => ExportHarness.Multiclass(dir),
            _ => ExportHarness.Regression(dir),
        };
        await StudyHarness.RunAsync(StudyHarness.Options(train, label, dir, trials: 3, trainers: trainer, ignore: ignore) with { ValidationData = valid });

        var settings = TunedSettings.Load(Path.Combine(dir, "best.json"));
        var ml = new MLContext();
        var validation = settings.LoadCsv(ml, valid);
        var model = settings.CreatePipeline(ml, validation).Fit(settings.LoadCsv(ml, train));
        var metrics = settings.Evaluate(model, validation);

        Assert.StartsWith(trainer, settings.Trainer);
        // model.zip computes in float32: predictions of about 3,000 carry errors of about 3e-4, so an RMSE of 181 agrees to 1e-5 of itself.
        var expected = settings.Metrics[$"valid_{settings.Metric}"];
        Assert.Equal(expected, metrics[settings.Metric], 1e-5 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public async Task A_retrained_pipeline_saves_and_loads_like_any_ml_net_model()
    {
        var (dir, train, valid, settings) = await CancerStudy("sgd", trials: 2);
        var ml = new MLContext();
        var data = settings.LoadCsv(ml, valid);
        var model = settings.CreatePipeline(ml).Fit(settings.LoadCsv(ml, train));

        var path = Path.Combine(dir, "retrained.zip");
        ml.Model.Save(model, data.Schema, path);
        var loaded = new MLContext().Model.Load(path, out _);

        Assert.Equal(settings.Evaluate(model, data)["auc"], settings.Evaluate(loaded, data)["auc"], 9);
    }

    [Fact]
    public async Task Data_without_a_column_the_pipeline_reads_is_rejected_with_its_name()
    {
        var (_, _, _, settings) = await CancerStudy("lbfgs", trials: 1);

        var error = Assert.Throws<ArgumentException>(() => settings.LoadCsv(new MLContext(), Samples.Data("spam.csv")));

        Assert.True(error.Message.Contains("has no column 'Cl.thickness'"), error.Message);
    }

    [Fact]
    public void A_missing_corrupt_or_edited_settings_file_is_refused_with_the_reason()
    {
        var dir = Samples.TempDirectory();
        var valid = Samples.WriteCsv(dir, "valid.json", new ValidSettingsJson().Text);
        TunedSettings.Load(valid); // the reference file is fine

        var edited = JsonNode.Parse(File.ReadAllText(valid))!;
        edited["featurization"]!["columns"]![0]!["encoding"] = "text";
        var tampered = Samples.WriteCsv(dir, "tampered.json", edited.ToJsonString());
        var unknown = JsonNode.Parse(File.ReadAllText(valid))!;
        unknown["trainer"] = "xgboost";
        var unknownTrainer = Samples.WriteCsv(dir, "unknown.json", unknown.ToJsonString());

        Assert.Throws<FileNotFoundException>(() => TunedSettings.Load(Path.Combine(dir, "none.json")));
        Assert.Contains("is not a valid best.json", Assert.Throws<InvalidDataException>(() => TunedSettings.Load(Samples.WriteCsv(dir, "bad.json", "{ \"format\": "))).Message);
        Assert.Contains("schema fingerprint does not match", Assert.Throws<InvalidDataException>(() => TunedSettings.Load(tampered)).Message);
        Assert.Contains("unknown trainer 'xgboost'", Assert.Throws<InvalidDataException>(() => TunedSettings.Load(unknownTrainer)).Message);
    }

    [Fact]
    public void The_schema_file_in_the_repository_describes_the_current_format()
    {
        var current = TunedSettings.JsonSchema();
        if (Environment.GetEnvironmentVariable("TUNER_WRITE_SCHEMA") == "1") File.WriteAllText(SchemaFile, current);

        Assert.True(File.Exists(SchemaFile), $"{SchemaFile} is missing; run this test with TUNER_WRITE_SCHEMA=1 to write it.");
        Assert.True(current == File.ReadAllText(SchemaFile), $"{SchemaFile} is out of date; run this test with TUNER_WRITE_SCHEMA=1 and commit the result.");
        var properties = JsonNode.Parse(current)!["properties"]!.AsObject();
        Assert.All(properties, p => Assert.NotNull(p.Value!["description"]));
    }

    /// <summary>A small study on the cancer train/valid split, tuned with validation data; its best.json read back.</summary>
    internal static async Task<(string Dir, string Train, string Valid, TunedSettings Settings)> CancerStudy(string trainers, int trials)
    {
        var dir = Samples.TempDirectory();
        var (train, valid, label, ignore) = ExportHarness.Cancer(dir);
        await StudyHarness.RunAsync(StudyHarness.Options(train, label, dir, trials, trainers: trainers, ignore: ignore) with { ValidationData = valid });
        return (dir, train, valid, TunedSettings.Load(Path.Combine(dir, "best.json")));
    }

    /// <summary>A best.json written by hand for a two-column binary problem.</summary>
    private sealed class ValidSettingsJson
    {
        public string Text { get; }

        public ValidSettingsJson()
        {
            var plan = new FeaturizationPlan([new FeatureColumnSpec("age", FeatureEncoding.Numeric), new FeatureColumnSpec("city", FeatureEncoding.OneHot)], 8, Trainers.Data.CellFormat.Default);
            var settings = new TunedSettings(TunedSettings.CurrentFormat, "s", 3, Trainers.Data.TaskKind.Binary, "y", ["no", "yes"], "auc",
                new Dictionary<string, double> { ["valid_auc"] = 0.9 }, "sgd", "sgd", new Dictionary<string, System.Text.Json.JsonElement>(),
                45, 42, plan, plan.SchemaFingerprint(), "abc", [], 1, "data.csv", null);
            var path = Path.Combine(Samples.TempDirectory(), "best.json");
            settings.Save(path);
            Text = File.ReadAllText(path);
        }
    }
}
