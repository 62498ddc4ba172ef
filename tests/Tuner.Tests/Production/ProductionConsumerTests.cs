using System.Globalization;
using Tuner.Tests.Cli;

namespace Tuner.Tests.Production;

/// <summary>samples/ProductionConsumer, run as its own process on a tuning job's output.</summary>
public sealed class ProductionConsumerTests
{
    [Theory]
    [InlineData("lightgbm")] // ML.NET's own model format
    [InlineData("mlp")]      // an ONNX graph inside the ML.NET pipeline
    public async Task It_scores_with_the_exported_model_and_retrains_from_best_json_to_the_same_metric(string trainer)
    {
        var (dir, train, valid, settings) = await TunedSettingsTests.CancerStudy(trainer, trials: 2);

        var (exit, stdout, stderr) = TunerProcess.RunProgram("ProductionConsumer", dir,
            Path.Combine(dir, "model.zip"), Path.Combine(dir, "best.json"), train, valid, Path.Combine(dir, "retrained.zip"));

        Assert.True(exit == 0, string.Join(" | ", stderr.Concat(stdout)));
        var expected = settings.Metrics["valid_auc"].ToString("F6", CultureInfo.InvariantCulture);
        Assert.Contains($"model.zip on valid.csv: auc {expected}", stdout);
        Assert.Contains($"retrained from best.json on train.csv: auc {expected}", stdout);
        Assert.Equal(3, stdout.Count(l => l.StartsWith("row ", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(dir, "retrained.zip")));
    }
}
