using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tuner.Cli;

/// <summary>
/// `tuner worker`: the Generic Host with <see cref="StudyWorker"/> as its background service. Under systemd
/// (Type=notify) it reports readiness and stopping and logs in the journal's format; in a container or a
/// terminal it runs the same way. SIGTERM or Ctrl+C stops the running trials, which other workers retry.
/// </summary>
public static class WorkerCommand
{
    public static Command Build()
    {
        var study = new Option<string>("--study") { Description = "the study to work on (created by `tuner tune --storage`)", Required = true };
        var storage = new Option<string>("--storage")
        {
            Description = "the study's store: a PostgreSQL connection string (\"Host=...;Database=...;Username=...;Password=...\"), or an SQLite file on this machine",
            Required = true,
        };
        var parallel = new Option<int>("--parallel") { Description = "concurrent trials in this worker", DefaultValueFactory = _ => Environment.ProcessorCount };
        var outage = TuneCommand.OutageOption();
        var command = new Command("worker", "Join a shared study and run its trials until the study's budget is spent") { study, storage, parallel, outage };
        command.SetAction((result, _) => RunAsync(new WorkerOptions(result.GetValue(study)!, result.GetValue(storage)!, result.GetValue(parallel))
        {
            OutageTimeoutSeconds = result.GetValue(outage),
        }));
        return command;
    }

    public static async Task<int> RunAsync(WorkerOptions options)
    {
        var builder = HostedCommand.CreateBuilder();
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WorkerExit>();
        builder.Services.AddTransient<WorkerJob>();
        builder.Services.AddHostedService<StudyWorker>();
        using var host = builder.Build();
        var exit = host.Services.GetRequiredService<WorkerExit>();
        await host.RunAsync();
        return exit.Code;
    }
}

/// <summary>The options of `tuner worker`; <see cref="DataCache"/> is where copies of the data are downloaded (default: a temp folder).</summary>
public sealed record WorkerOptions(string Study, string Storage, int Parallel, string? DataCache = null)
{
    /// <summary>Seconds the server may stay unreachable before the worker stops with exit code 2.</summary>
    public double OutageTimeoutSeconds { get; init; } = Tuner.Storage.PostgresRetry.DefaultMaxOutage.TotalSeconds;
}

/// <summary>How the worker's run ended, handed from the background service to the process exit code.</summary>
public sealed class WorkerExit
{
    public int Code { get; set; } = ExitCodes.Failure;
}
