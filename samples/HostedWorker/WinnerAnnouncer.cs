using Tuner.Engine;

namespace HostedWorker;

/// <summary>The rest of the application hearing what the tuner found: one log line per finished study.</summary>
public sealed class WinnerAnnouncer(TunerRuns runs, ILogger<WinnerAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        runs.StudyFinished += outcome => logger.LogInformation(
            "Winner of '{Study}': trial {Trial}, {Trainer}, validation {Metric} {Value:G5}; settings for production in {Files}",
            outcome.Study.Name, outcome.Best?.Number, outcome.Best?.Trainer, outcome.Study.Config.Metric, outcome.BestValue,
            string.Join(", ", outcome.Files.Where(f => f.EndsWith("best.json", StringComparison.Ordinal) || f.EndsWith("model.zip", StringComparison.Ordinal))));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
