using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Storage;

namespace Tuner.Cli;

/// <summary>`tuner studies`: the studies in a store, SQLite or PostgreSQL (or in every runs/*/study.db when no store is named).</summary>
public sealed class StudiesCommand(IAnsiConsole console, ILogger<StudiesCommand>? logger = null)
{
    /// <summary>Waiting through an outage of a PostgreSQL store, with this command's notices.</summary>
    public StoreOutage Outage(double timeoutSeconds, CancellationToken stopWaiting) => new(logger, timeoutSeconds, stopWaiting);

    public int Run(string? storage, StoreOutage? outage = null)
    {
        var stores = storage is not null ? [ExistingStore(storage)]
            : Directory.Exists("runs") ? Directory.GetDirectories("runs").Select(d => Path.Combine(d, "study.db")).Where(File.Exists).Order().ToList()
            : [];
        if (stores.Count == 0)
        {
            console.MarkupLine("No study stores found under runs/; pass --storage PATH to name one.");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("study", "store", "task", "metric", "trials", "complete", "best", "created");
        foreach (var path in stores)
        {
            using var store = (outage ?? StoreOutage.Quiet).OpenStore(path);
            foreach (var study in store.ListStudies())
                table.AddRow(Markup.Escape(study.Name), Markup.Escape(store.Location), study.Task, study.Metric,
                    study.Trials.ToString(CultureInfo.InvariantCulture), study.Complete.ToString(CultureInfo.InvariantCulture),
                    study.BestValue?.ToString("G5", CultureInfo.InvariantCulture) ?? "-", study.Created.ToString("u", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        return ExitCodes.Success;
    }

    private static string ExistingStore(string path) =>
        StoredStudy.IsShared(path) || File.Exists(path) ? path : throw new UserInputException($"Study store '{path}' does not exist; pass the study.db written by `tuner tune`.");
}
