using System.Globalization;
using Tuner.Export;
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
        var (train, valid, label, ignore) = task == "binary" ? ExportHarness.Cancer(dir) : ExportHarness.Regression(dir);
        var options = StudyHarness.Options(train, label, dir, trials: 3, trainers: trainer, ignore: ignore) with { ValidationData = valid };
        await StudyHarness.RunAsync(options);

        var (own, _, _) = ExportHarness.OwnPredictions(dir, train, valid, label, ignore);
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
}
