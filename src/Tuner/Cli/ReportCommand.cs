using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tuner.Output;
using Tuner.Reports.Html;
using Tuner.Storage;

namespace Tuner.Cli;

/// <summary>`tuner report`: writes a study's HTML report from its store.</summary>
public sealed class ReportCommand(IAnsiConsole console)
{
    public static Command Build()
    {
        var study = new Option<string>("--study") { Description = "the study to report", Required = true };
        var storage = new Option<string?>("--storage") { Description = "study store (SQLite file); default: runs/<study>/study.db" };
        var output = new Option<string?>("--out") { Description = "HTML file to write; default: report.html next to the store" };
        var command = new Command("report", "Write the HTML report of a study") { study, storage, output };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, _) => Task.FromResult(
            services.GetRequiredService<ReportCommand>().Run(result.GetValue(study)!, result.GetValue(storage), result.GetValue(output)))));
        return command;
    }

    public int Run(string studyName, string? storage, string? output)
    {
        var path = storage ?? Path.Combine("runs", studyName, "study.db");
        if (!File.Exists(path))
            throw new UserInputException($"Study store '{path}' does not exist; pass the study.db written by `tuner tune` with --storage.");
        using var store = new SqliteStudyStore(path);
        var study = store.FindStudy(studyName) ?? throw new UserInputException(
            $"Study '{studyName}' is not in '{path}'; studies there: {string.Join(", ", store.ListStudies().Select(s => s.Name))}.");
        var file = output ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "report.html");
        StudyReport.Write(ReportDataBuilder.Build(store, study), file);
        console.MarkupLine(Markup.Escape($"Wrote {file}."));
        return ExitCodes.Success;
    }
}
