using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Output;
using Tuner.Reports.Analysis;
using Tuner.Reports.Html;
using Tuner.Reports.Model;
using Tuner.Storage;

namespace Tuner.Cli;

/// <summary>
/// `tuner compare`: one HTML page putting two or more studies side by side (--study A --study B, each labelled by
/// --label or its store), or one study's best trial of each value of a knob (--study A --by loss); it prints the
/// differences against the leader with their 95% intervals, and whether each is a tie.
/// </summary>
public sealed class CompareCommand(IAnsiConsole console, ILogger<CompareCommand>? logger = null)
{
    public static Command Build()
    {
        var studies = new Option<string[]>("--study") { Description = "a study to compare (two or more; one with --by)", Required = true, AllowMultipleArgumentsPerToken = false };
        var storage = new Option<string[]>("--storage") { Description = "study store(s), SQLite files or PostgreSQL connection strings: one for all studies, or one per --study in the same order; default: runs/<study>/study.db" };
        var labels = new Option<string[]>("--label") { Description = "a name for each --study in the same order (default: the study's name, with its store when two names are the same)" };
        var by = new Option<string?>("--by") { Description = "compare one study's best trial of each value of this knob: a parameter (loss, schedule, optimizer, ...) or trainer" };
        var output = new Option<string?>("--out") { Description = "HTML file to write; default: comparison.html" };
        var outage = TuneCommand.OutageOption();
        var command = new Command("compare", "Compare two or more studies, or the values of one knob within a study, and say which differences are beyond noise")
            { studies, storage, labels, by, output, outage };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, token) =>
        {
            var compare = services.GetRequiredService<CompareCommand>();
            return Task.FromResult(compare.Run(result.GetValue(studies) ?? [], result.GetValue(storage) ?? [], result.GetValue(output),
                result.GetValue(labels) ?? [], result.GetValue(by), compare.Outage(result.GetValue(outage), token)));
        }));
        return command;
    }

    /// <summary>Waiting through an outage of a PostgreSQL store, with this command's notices.</summary>
    public StoreOutage Outage(double timeoutSeconds, CancellationToken stopWaiting) => new(logger, timeoutSeconds, stopWaiting);

    public int Run(IReadOnlyList<string> studies, IReadOnlyList<string> storages, string? output, IReadOnlyList<string>? labels = null, string? by = null,
        StoreOutage? outage = null)
    {
        labels ??= [];
        if (by is null && studies.Count < 2)
            throw new UserInputException($"compare needs at least two --study options, or one with --by KNOB; got {studies.Count}.");
        if (by is not null && studies.Count != 1)
            throw new UserInputException($"--by compares the values of a knob within one study; give exactly one --study (got {studies.Count}).");
        if (storages.Count > 1 && storages.Count != studies.Count)
            throw new UserInputException($"Give one --storage for all studies or one per --study ({studies.Count}); got {storages.Count}.");
        if (labels.Count > 0 && labels.Count != studies.Count)
            throw new UserInputException($"Give one --label per --study ({studies.Count}); got {labels.Count}.");

        var paths = studies.Select((name, i) => storages.Count == 0 ? StoredStudy.DefaultPath(name) : storages[storages.Count == 1 ? 0 : i]).ToList();
        var data = studies.Select((name, i) =>
        {
            var (store, study) = (outage ?? StoreOutage.Quiet).Open(paths[i], name);
            using (store) return (Data: ReportDataBuilder.Build(store, study), Location: store.Location);
        }).ToList();

        var entries = by is null ? ByStudy(data, labels) : ComparedKnob.Entries(data[0].Data, by);
        var file = OutputPaths.File(output ?? "comparison.html", "--out");
        CompareReport.Write(entries, file, by);
        foreach (var difference in PairedComparison.AgainstLeader(entries))
            console.MarkupLine(Markup.Escape(difference.Text(entries[0].Study.Metric)));
        console.MarkupLine(Markup.Escape($"Wrote {file}."));
        return ExitCodes.Success;
    }

    private static List<ComparedEntry> ByStudy(IReadOnlyList<(StudyReportData Data, string Location)> studies, IReadOnlyList<string> labels)
    {
        var entries = new List<ComparedEntry>();
        for (var i = 0; i < studies.Count; i++)
        {
            var (study, location) = studies[i];
            var best = study.Best ?? throw new UserInputException($"Study '{study.Name}' in {location} has no complete trial to compare yet.");
            var shared = studies.Count(s => s.Data.Name == study.Name) > 1;
            var label = labels.Count > 0 ? labels[i] : shared ? $"{study.Name} ({location})" : study.Name;
            entries.Add(new ComparedEntry(label, study, best, study.RankedTrials.Count));
        }

        return entries;
    }
}
