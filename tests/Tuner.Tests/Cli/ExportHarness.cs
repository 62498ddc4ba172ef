using System.Globalization;
using Microsoft.ML;
using Tuner.Data;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Cli;

/// <summary>Data files and reference predictions for the tests of exported models.</summary>
internal static class ExportHarness
{
    /// <summary>breastcancer_wisc_na.csv split into train.csv (4/5) and valid.csv (every fifth row).</summary>
    public static (string Train, string Valid) SplitCancer(string dir)
    {
        var lines = File.ReadAllLines(Samples.Data("breastcancer_wisc_na.csv"));
        var body = lines.Skip(1).ToArray();
        return (Samples.WriteCsv(dir, "train.csv", string.Join('\n', body.Where((_, i) => i % 5 != 0).Prepend(lines[0])) + "\n"),
            Samples.WriteCsv(dir, "valid.csv", string.Join('\n', body.Where((_, i) => i % 5 == 0).Prepend(lines[0])) + "\n"));
    }

    /// <summary>The cancer split with its label and ignored columns.</summary>
    public static (string Train, string Valid, string Label, string[] Ignore) Cancer(string dir)
    {
        var (train, valid) = SplitCancer(dir);
        return (train, valid, "Class", ["Id"]);
    }

    /// <summary>A generated price table (seeded): two numbers and a category, 300 training and 80 validation rows.</summary>
    public static (string Train, string Valid, string Label, string[] Ignore) Regression(string dir)
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

    /// <summary>A generated three-class table (seeded): two numbers and a colour decide the class, with 10% noise.</summary>
    public static (string Train, string Valid, string Label, string[] Ignore) Multiclass(string dir)
    {
        var random = new Random(11);
        string Rows(int count) => string.Concat(Enumerable.Range(0, count).Select(_ =>
        {
            double a = random.NextDouble() * 4, b = random.NextDouble() * 4;
            var colour = random.Next(3) switch { 0 => "red", 1 => "green", _ => "blue" };
            var kind = random.NextDouble() < 0.1 ? random.Next(3) : (a + b + (colour == "red" ? 2 : 0)) switch { < 3.5 => 0, < 6 => 1, _ => 2 };
            return string.Create(CultureInfo.InvariantCulture, $"{a:F3},{b:F3},{colour},{(char)('x' + kind)}\n");
        }));
        return (Samples.WriteCsv(dir, "train.csv", "a,b,colour,kind\n" + Rows(300)), Samples.WriteCsv(dir, "valid.csv", "a,b,colour,kind\n" + Rows(100)), "kind", []);
    }

    /// <summary>The tuner's own validation predictions of the study's best trial (seed 42, study "test" in dir), in the validation file's row order.</summary>
    public static (Predictions Predictions, ReadOnlyMemory<float> Labels, double StudyValue) OwnPredictions(
        string dir, string train, string valid, string label, IReadOnlyList<string> ignore)
    {
        var data = DatasetLoader.Load(new DataOptions(train, label, null, ignore));
        var prepared = DataPreparation.Prepare(new MLContext(42), data, DatasetLoader.LoadValidation(valid, data), 1, 42);
        using var store = RelationalStudyStore.OpenSqlite(Path.Combine(dir, "study.db"));
        var info = store.FindStudy("test")!;
        // The exported trial: the study's winner after the re-evaluation on fresh folds.
        var best = WinnerReevaluation.Winner(Ranking.Rank(store.LoadTrials(info.Id), info.Config.HigherIsBetter), WinnerReevaluation.Load(store, info.Id),
            info.Config.HigherIsBetter)!;
        var fold = prepared.Folds[0];
        var predictions = Retrain(prepared, best, info.Config).Predict(fold.Validation.Features);
        var labels = new float[fold.ValidationRows.Length];
        for (var i = 0; i < labels.Length; i++) labels[fold.ValidationRows[i]] = fold.Validation.Labels[i];
        return (InDataOrder(predictions, fold.ValidationRows), labels, best.Value!.Value);
    }

    /// <summary>Predictions of the matrix's rows (in a seeded random order) put back in the order of the data's rows.</summary>
    private static Predictions InDataOrder(Predictions predictions, int[] dataRows)
    {
        double[] Reorder(ReadOnlySpan<double> values)
        {
            var width = values.Length / dataRows.Length;
            var result = new double[values.Length];
            for (var i = 0; i < dataRows.Length; i++) values.Slice(i * width, width).CopyTo(result.AsSpan(dataRows[i] * width, width));
            return result;
        }

        if (predictions.Task != TaskKind.Binary) return new Predictions(predictions.Task, Reorder(predictions.Values), predictions.Width);
        var labels = new bool[dataRows.Length];
        for (var i = 0; i < labels.Length; i++) labels[dataRows[i]] = predictions.PredictedLabels[i];
        return Predictions.Binary(Reorder(predictions.Scores), Reorder(predictions.Values), labels);
    }

    /// <summary>
    /// The trial's model trained again by the tuner's own path (the first fold's matrices, the trial's seed):
    /// the reference the exported model, fitted through the library's pipeline, must reproduce.
    /// </summary>
    private static ITrainedModel Retrain(StudyData data, TrialRecord trial, StudyConfig config)
    {
        var fold = data.Folds[0];
        var seed = TrialExecutor.TrialSeed(config.Seed, trial);
        return TrainerRegistry.Create(trial.Trainer, seed)
            .Train(fold.Training, fold.Validation, trial.Parameters.WithSeed(seed), config.Metric, _ => true, CancellationToken.None).Model;
    }
}
