using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tuner.Cli;

/// <summary>
/// The worker as a hosted background service: runs <see cref="WorkerJob"/> until the study's budget is
/// spent or the host stops, records the exit code, then stops the host.
/// </summary>
public sealed class StudyWorker(IServiceProvider services, WorkerOptions options, WorkerExit exit, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and tell systemd it is ready) before the data is loaded.
        await Task.Yield();
        exit.Code = await HostedCommand.Guard(() => services.GetRequiredService<WorkerJob>().RunAsync(options, stoppingToken), stoppingToken);
        lifetime.StopApplication();
    }
}
