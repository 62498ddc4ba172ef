using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Cli;

namespace Tuner;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var storage = new Option<string?>("--storage") { Description = "study store: SQLite file or PostgreSQL connection string (Host=...); default: every runs/*/study.db" };
        var outage = TuneCommand.OutageOption();
        var studies = new Command("studies", "List the studies in a store") { storage, outage };
        studies.SetAction((result, _) => HostedCommand.RunAsync((services, token) =>
        {
            var list = services.GetRequiredService<StudiesCommand>();
            return Task.FromResult(list.Run(result.GetValue(storage), list.Outage(result.GetValue(outage), token)));
        }));

        var root = new RootCommand("Tuner: finds the best way to train a model on a tabular dataset, and explains why.")
        {
            TuneCommand.Build(),
            ReportCommand.Build(),
            CompareCommand.Build(),
            PredictCommand.Build(),
            ExportCommand.Build(),
            WorkerCommand.Build(),
            studies,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, as for every other input mistake; `--help` shows the full usage.
            var command = parsed.CommandResult.Command is RootCommand ? "" : $" {parsed.CommandResult.Command.Name}";
            await Console.Error.WriteLineAsync($"tuner: {parsed.Errors[0].Message} (see `tuner{command} --help`)");
            return ExitCodes.BadInput;
        }

        // The Generic Host owns Ctrl+C and SIGTERM (see HostedCommand), so System.CommandLine must not.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
