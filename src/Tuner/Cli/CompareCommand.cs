using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Tuner.Output;
using Tuner.Reports.Html;
using Tuner.Storage;

namespace Tuner.Cli;

/// <summary>`tuner compare`: one HTML page putting two or more studies side by side.</summary>
public sealed class CompareCommand(IAnsiConsole console)
{
    public static Command Build()
    {
        var studies = new Option<string[]>("--study") { Description = "a study to compare (give two or more)", Required = true, AllowMultipleArgumentsPerToken = false };
        var storage = new Option<string[]>("--storage") { Description = "study store(s), SQLite files or PostgreSQL connection strings: one for all studies, or one per --study in the same order; default: runs/<study>/study.db" };
        var output = new Option<string?>("--out") { Description = "HTML file to write; default: comparison.html" };
        var command = new Command("compare", "Compare two or more studies side by side") { studies, storage, output };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, _) => Task.FromResult(
            services.GetRequiredService<CompareCommand>().Run(result.GetValue(studies) ?? [], result.GetValue(storage) ?? [], result.GetValue(output)))));
        return command;
    }

    public int Run(IReadOnlyList<string> studies, IReadOnlyList<string> storages, string? output)
    {
        if (studies.Count < 2)
            throw new UserInputException($"compare needs at least two --study options; got {studies.Count}.");
        if (storages.Count > 1 && storages.Count != studies.Count)
            throw new UserInputException($"Give one --storage for all studies or one per --study ({studies.Count}); got {storages.Count}.");

        var data = studies.Select((name, i) =>
        {
            var path = storages.Count == 0 ? StoredStudy.DefaultPath(name) : storages[storages.Count == 1 ? 0 : i];
            var (store, study) = StoredStudy.Open(path, name);
            using (store) return ReportDataBuilder.Build(store, study);
        }).ToList();

        var file = OutputPaths.File(output ?? "comparison.html", "--out");
        CompareReport.Write(data, file);
        console.MarkupLine(Markup.Escape($"Wrote {file}."));
        return ExitCodes.Success;
    }
}
