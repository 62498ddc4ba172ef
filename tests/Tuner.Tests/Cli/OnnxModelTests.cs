using System.Globalization;
using Microsoft.ML;
using Tuner.Data;
using Tuner.Export;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Tests.Study;

namespace Tuner.Tests.Cli;

/// <summary>Our own trainers' winners go into model.zip as ONNX graphs; another process must score them identically.</summary>
public sealed class OnnxModelTests
{
    [Theory]
    [InlineData("sgd", "binary")]
    [InlineData("mlp", "binary")]
    [InlineData("sgd", "regression")]
    public async Task Predictions_of_an_exported_custom_model_in_another_process_equal_the_tuners_own(string trainer, string task)
    {
        var dir = Samples.TempDirectory();
        var (train, valid, label, ignore) = task == "binary" ? Split(dir) : Regression(dir);
        var options = StudyHarness.Options(train, label, dir, trials: 3, trainers: trainer, ignore: ignore) with { ValidationData = valid };
        await StudyHarness.RunAsync(options);

        var data = DatasetLoader.Load(new DataOptions(train, label, null, ignore));
        var prepared = DataPreparation.Prepare(new MLContext(42), data, DatasetLoader.LoadValidation(valid, data), 1, 42);
        using var store = new SqliteStudyStore(Path.Combine(dir, "study.db"));
        var info = store.FindStudy("test")!;
        var best = Ranking.Best(store.LoadTrials(info.Id), info.Config.HigherIsBetter)!;
        var own = ModelExporter.Retrain(prepared, best, info.Config).Predict(prepared.Folds[0].Validation.Features);
        Assert.True(ModelLabels.ReadFrom(Path.Combine(dir, "model.zip"))!.Onnx);

        var (exit, _, stderr) = TunerProcess.Run(dir, "predict", "--model", Path.Combine(dir, "model.zip"), "--data", valid, "--out", "predictions.csv");

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var rows = File.ReadAllLines(Path.Combine(dir, "predictions.csv")).Skip(1).ToList();
        Assert.Equal(own.Rows, rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].Split(',');
            var theirs = double.Parse(cells[^1], CultureInfo.InvariantCulture);
            Assert.Equal(own.Row(r)[0], theirs, Math.Max(1e-5, 1e-5 * Math.Abs(own.Row(r)[0])));
        }
    }

    private static (string Train, string Valid, string Label, string[] Ignore) Split(string dir)
    {
        var lines = File.ReadAllLines(Samples.Data("breastcancer_wisc_na.csv"));
        var body = lines.Skip(1).ToArray();
        return (Samples.WriteCsv(dir, "train.csv", string.Join('\n', body.Where((_, i) => i % 5 != 0).Prepend(lines[0])) + "\n"),
            Samples.WriteCsv(dir, "valid.csv", string.Join('\n', body.Where((_, i) => i % 5 == 0).Prepend(lines[0])) + "\n"),
            "Class", ["Id"]);
    }

    private static (string Train, string Valid, string Label, string[] Ignore) Regression(string dir)
    {
        var random = new Random(9);
        string Rows(int count) => string.Concat(Enumerable.Range(0, count).Select(_ =>
        {
            double a = random.NextDouble() * 10, b = random.NextDouble() * 5;
            var kind = random.Next(3) switch { 0 => "small", 1 => "medium", _ => "large" };
            var price = 1000 + 300 * a - 150 * b + (kind == "large" ? 800 : 0) + random.NextDouble() * 50;
            return string.Create(CultureInfo.InvariantCulture, $"{a:F3},{b:F3},{kind},{price:F2}\n");
        }));
        return (Samples.WriteCsv(dir, "train.csv", "a,b,kind,price\n" + Rows(300)), Samples.WriteCsv(dir, "valid.csv", "a,b,kind,price\n" + Rows(80)), "price", []);
    }
}
