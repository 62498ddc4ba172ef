using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Tuner.Cli;

/// <summary>
/// Runs one command inside the Generic Host: services, logging to stderr, and Ctrl+C / SIGTERM turned into
/// the cancellation token the work receives. Maps failures onto the exit-code contract.
/// </summary>
public static class HostedCommand
{
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddSingleton(AnsiConsole.Console);
        builder.Services.AddTransient<TuneJob>();
        builder.Services.AddTransient<StudiesCommand>();
        builder.Services.AddTransient<ReportCommand>();
        builder.Services.AddTransient<CompareCommand>();
        builder.Services.AddTransient<PredictCommand>();
        builder.Services.AddTransient<ExportCommand>();

        using var host = builder.Build();
        await host.StartAsync();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            return await work(host.Services, stopping);
        }
        catch (UserInputException e)
        {
            await Console.Error.WriteLineAsync($"tuner: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("tuner: interrupted; everything finished so far is kept.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"tuner: unexpected failure: {e}");
            return ExitCodes.Failure;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
