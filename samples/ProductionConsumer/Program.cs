using System.Globalization;
using Microsoft.ML;
using Tuner.Trainers.Production;

// What a production service does with a tuning job's output, using only ML.NET and the Tuner.Trainers library:
//   1. load the exported model.zip and score rows;
//   2. retrain on its own data with the settings in best.json, check the metric, and save the new model.
// Usage: ProductionConsumer <model.zip> <best.json> <train.csv> <valid.csv> [retrained.zip]
if (args.Length < 4)
{
    Console.Error.WriteLine("Usage: ProductionConsumer <model.zip> <best.json> <train.csv> <valid.csv> [retrained.zip]");
    return 2;
}

var (modelPath, settingsPath, trainPath, validPath) = (args[0], args[1], args[2], args[3]);
var retrainedPath = args.Length > 4 ? args[4] : "retrained.zip";
var ml = new MLContext();
var settings = TunedSettings.Load(settingsPath);
var metric = settings.Metric;
var valid = settings.LoadCsv(ml, validPath);
Console.WriteLine($"best.json: {settings.Trainer} for {settings.Label} ({settings.Task.ToString().ToLowerInvariant()}), validation {metric} {Format(settings.Metrics[$"valid_{metric}"])}");

// 1. The exported model, exactly as the tuner saved it.
var exported = ml.Model.Load(modelPath, out _);
var predictions = settings.Predict(exported, valid);
foreach (var (row, index) in predictions.Take(3).Select((p, i) => (p, i)))
    Console.WriteLine($"row {index + 1}: {string.Join(" ", row.Select(Format))}");
Console.WriteLine($"model.zip on {Path.GetFileName(validPath)}: {metric} {Format(settings.Evaluate(exported, valid)[metric])}");

// 2. The same settings retrained on this service's data, then saved like any ML.NET model.
var retrained = settings.CreatePipeline(ml, valid).Fit(settings.LoadCsv(ml, trainPath));
Console.WriteLine($"retrained from best.json on {Path.GetFileName(trainPath)}: {metric} {Format(settings.Evaluate(retrained, valid)[metric])}");
ml.Model.Save(retrained, valid.Schema, retrainedPath);
Console.WriteLine($"saved {retrainedPath}");
return 0;

static string Format(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
