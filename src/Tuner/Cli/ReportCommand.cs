using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Output;
using Tuner.Reports.Html;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Cli;

/// <summary>`tuner report`: writes a study's HTML report from its store.</summary>
public sealed class ReportCommand(IAnsiConsole console, ILogger<ReportCommand>? logger = null)
{
    public static Command Build()
    {
        var study = new Option<string>("--study") { Description = "the study to report", Required = true };
        var storage = new Option<string?>("--storage") { Description = "study store: SQLite file or PostgreSQL connection string (Host=...); default: runs/<study>/study.db" };
        var output = new Option<string?>("--out") { Description = "HTML file to write; default: report.html next to the store" };
        var trials = new Option<int[]>("--trial") { Description = "also show the learning curves of this trial (repeatable)" };
        var outage = TuneCommand.OutageOption();
        var command = new Command("report", "Write the HTML report of a study") { study, storage, output, trials, outage };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, token) =>
        {
            var report = services.GetRequiredService<ReportCommand>();
            return Task.FromResult(report.Run(result.GetValue(study)!, result.GetValue(storage), result.GetValue(output), result.GetValue(trials) ?? [],
                report.Outage(result.GetValue(outage), token)));
        }));
        return command;
    }

    /// <summary>Waiting through an outage of a PostgreSQL store, with this command's notices.</summary>
    public StoreOutage Outage(double timeoutSeconds, CancellationToken stopWaiting) => new(logger, timeoutSeconds, stopWaiting);

    public int Run(string studyName, string? storage, string? output, IReadOnlyCollection<int> trials, StoreOutage? outage = null)
    {
        var path = storage ?? StoredStudy.DefaultPath(studyName);
        var (store, study) = (outage ?? StoreOutage.Quiet).Open(path, studyName);
        using var opened = store;
        var file = output ?? Path.Combine(StoredStudy.OutputDirectory(path, studyName), "report.html");
        OutputPaths.File(file, "--out");
        var data = ReportDataBuilder.Build(store, study);
        var unknown = trials.Where(n => data.RankedTrials.All(t => t.Number != n)).ToList();
        if (unknown.Count > 0)
            throw new UserInputException($"--trial {string.Join(", ", unknown)}: no such trial in study '{studyName}' (trials 0 to {data.RankedTrials.Count - 1}).");
        StudyReport.Write(data, file, trials);
        // The report shows the best trials; the rest are in the CSV it links to.
        var leaderboard = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "leaderboard.csv");
        var ranked = Ranking.Rank(store.LoadTrials(study.Id), study.Config.HigherIsBetter);
        LeaderboardCsv.Write(leaderboard, ranked, TiesWithBest.Of(ranked, store.LoadReplicates(study.Id), study.Config.HigherIsBetter));
        console.MarkupLine(Markup.Escape($"Wrote {file} and {leaderboard}."));
        return ExitCodes.Success;
    }
}
