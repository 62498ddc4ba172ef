using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Spectre.Console;
using Tuner.Data;
using Tuner.Export;
using Tuner.Output;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Production;

namespace Tuner.Cli;

/// <summary>
/// `tuner export`: the winner of a study for production: best.json, model.zip (featurization + model) and
/// Consumption.cs. With --refit the model is trained again on training and validation rows together.
/// </summary>
public sealed class ExportCommand(IAnsiConsole console, ILogger<ExportCommand>? logger = null)
{
    public static Command Build()
    {
        var study = new Option<string>("--study") { Description = "the study to export", Required = true };
        var storage = new Option<string?>("--storage") { Description = "study store: SQLite file or PostgreSQL connection string (Host=...); default: runs/<study>/study.db" };
        var output = new Option<string>("--out") { Description = "directory to write best.json, model.zip and Consumption.cs", Required = true };
        var refit = new Option<bool>("--refit") { Description = "train the final model on training and validation rows together" };
        var outage = TuneCommand.OutageOption();
        var command = new Command("export", "Export a study's best settings and model for production") { study, storage, output, refit, outage };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, token) =>
        {
            var export = services.GetRequiredService<ExportCommand>();
            return Task.FromResult(export.Run(result.GetValue(study)!, result.GetValue(storage), result.GetValue(output)!, result.GetValue(refit),
                export.Outage(result.GetValue(outage), token)));
        }));
        return command;
    }

    /// <summary>Waiting through an outage of a PostgreSQL store, with this command's notices.</summary>
    public StoreOutage Outage(double timeoutSeconds, CancellationToken stopWaiting) => new(logger, timeoutSeconds, stopWaiting);

    public int Run(string studyName, string? storage, string outDirectory, bool refit, StoreOutage? outage = null)
    {
        var (store, study) = (outage ?? StoreOutage.Quiet).Open(storage ?? StoredStudy.DefaultPath(studyName), studyName);
        using (store)
        {
            var reevaluation = WinnerReevaluation.Load(store, study.Id);
            var best = WinnerReevaluation.Winner(Ranking.Rank(store.LoadTrials(study.Id), study.Config.HigherIsBetter), reevaluation, study.Config.HigherIsBetter)
                ?? throw new UserInputException($"Study '{studyName}' has no complete trial to export; run `tuner tune` on it first.");
            // The data file where the study ran, or (on another machine) the copy in a shared store.
            var (dataPath, validationPath) = StudyDataFiles.Locate(store, study, StudyDataFiles.CacheDirectory);
            var prepared = Reload(study.Config, dataPath, validationPath, refit);
            OutputPaths.Directory(outDirectory, "--out");
            var settings = BestSettings.From(study, best, prepared.Plan, WinnerReevaluation.WinnerMetrics(best, reevaluation, study.Config.Metric));
            settings.Save(Path.Combine(outDirectory, "best.json"));
            console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(outDirectory, "best.json")}."));
            console.MarkupLine(Markup.Escape(ModelExporter.Export(prepared, settings, outDirectory).Message));
            return ExitCodes.Success;
        }
    }

    private static StudyData Reload(StudyConfig config, string dataPath, string? validationPath, bool refit)
    {
        if (!refit) return StudyDataReload.Prepare(config, dataPath, validationPath);
        var (data, validation) = StudyDataReload.Load(config, dataPath, validationPath);
        return DataPreparation.PrepareRefit(new MLContext(config.Seed), data, validation, config.Seed);
    }
}
