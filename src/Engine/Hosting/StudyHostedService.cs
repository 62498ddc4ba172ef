using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tuner.Storage;

namespace Tuner.Engine;

/// <summary>
/// Runs the configured studies one after the other as a background service of the host, writing each one's
/// outputs. A study that cannot run (bad options, a missing file, an unreachable store) is logged in one line
/// and skipped; stopping the host interrupts the running study, which keeps every finished trial.
/// </summary>
internal sealed class StudyHostedService(IOptions<TunerOptions> options, TunerRuns runs, IHostApplicationLifetime lifetime, ILogger<StudyHostedService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first data file is read.
        await Task.Yield();
        try
        {
            foreach (var study in options.Value.Studies)
            {
                if (stoppingToken.IsCancellationRequested) break;
                await RunAsync(study, stoppingToken);
            }
        }
        finally
        {
            runs.Complete();
            if (options.Value.StopWhenDone)
            {
                // A batch job's exit code says whether every study ran: 2, as for the command line's bad input, if one could not.
                if (runs.Failed.Count > 0) Environment.ExitCode = 2;
                lifetime.StopApplication();
            }
        }
    }

    private async Task RunAsync(StudyOptions study, CancellationToken stoppingToken)
    {
        try
        {
            using var session = TuningSession.Open(study, logger: logger, stopWaiting: stoppingToken);
            logger.LogInformation("{Description}", session.Description);
            var outcome = await session.RunAsync(runs, stoppingToken);
            logger.LogInformation("Study '{Study}': {Trials} trials, best {Metric} {Best:G5} ({Trainer}); outputs in {Directory}",
                outcome.Study.Name, outcome.Ranked.Count, outcome.Study.Config.Metric, outcome.BestValue, outcome.Best?.Trainer, session.OutDirectory);
            runs.Add(outcome);
        }
        catch (Exception e) when (e is UserInputException or StoreUnavailableException)
        {
            logger.LogError("Study '{Study}' not run: {Reason}", study.StudyName, e.Message);
            runs.AddFailure(study.StudyName, e.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Study '{Study}' interrupted by the host stopping; every finished trial is kept", study.StudyName);
        }
    }
}
