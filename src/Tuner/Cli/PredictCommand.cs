using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tuner.Export;
using Tuner.Output;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Cli;

/// <summary>`tuner predict`: scores a CSV with a model.zip; prints the metrics when the file has the label.</summary>
public sealed class PredictCommand(IAnsiConsole console)
{
    public static Command Build()
    {
        var model = new Option<string>("--model") { Description = "model.zip written by tune or export", Required = true };
        var data = new Option<string>("--data") { Description = "CSV with the training columns (the label column is optional)", Required = true };
        var output = new Option<string?>("--out") { Description = "CSV of predictions to write; default: standard output" };
        var command = new Command("predict", "Score a CSV with an exported model") { model, data, output };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, _) => Task.FromResult(
            services.GetRequiredService<PredictCommand>().Run(result.GetValue(model)!, result.GetValue(data)!, result.GetValue(output)))));
        return command;
    }

    public int Run(string modelPath, string dataPath, string? output)
    {
        var scorer = ModelScorer.Load(modelPath);
        var (rows, hasLabels) = scorer.Read(dataPath);
        var predictions = scorer.Score(rows);
        var csv = PredictionCsv(scorer, predictions);
        if (output is null) Console.Out.Write(csv);
        else File.WriteAllText(OutputPaths.File(output, "--out"), csv);

        if (hasLabels)
        {
            var metrics = MetricCalculator.Compute(rows.Labels, predictions);
            var text = string.Join(", ", metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:G5}")));
            if (output is null) Console.Error.WriteLine($"metrics on {rows.Rows} labelled rows: {text}");
            else console.MarkupLine(Markup.Escape($"Wrote {output}; metrics on {rows.Rows} labelled rows: {text}"));
        }
        else if (output is not null)
        {
            console.MarkupLine(Markup.Escape($"Wrote {output} ({rows.Rows} rows)."));
        }

        return ExitCodes.Success;
    }

    private static string PredictionCsv(ModelScorer scorer, Predictions predictions)
    {
        var classes = scorer.Labels.Classes;
        var text = new StringBuilder();
        text.AppendLine(scorer.Task switch
        {
            TaskKind.Binary => $"prediction,probability_{classes[1]}",
            TaskKind.Multiclass => "prediction," + string.Join(',', classes.Select(c => $"probability_{c}")),
            _ => "prediction",
        });
        for (var r = 0; r < predictions.Rows; r++)
        {
            var row = predictions.Row(r);
            text.AppendLine(scorer.Task switch
            {
                TaskKind.Binary => $"{Quote(classes[predictions.PredictedLabels[r] ? 1 : 0])},{Number(row[0])}",
                TaskKind.Multiclass => $"{Quote(classes[MulticlassMetrics.ArgMax(row)])}," + string.Join(',', row.ToArray().Select(Number)),
                _ => Number(row[0]),
            });
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
