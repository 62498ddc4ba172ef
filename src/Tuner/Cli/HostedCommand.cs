using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Output;
using Tuner.Storage;

namespace Tuner.Cli;

/// <summary>
/// Runs one command inside the Generic Host: services, logging to stderr, and Ctrl+C / SIGTERM turned into
/// the cancellation token the work receives. Maps failures onto the exit-code contract.
/// </summary>
public static class HostedCommand
{
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work)
    {
        using var host = CreateBuilder().Build();
        await host.StartAsync();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            return await Guard(() => work(host.Services, stopping), stopping);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The host every command runs in; `worker` adds its background service to it.</summary>
    public static HostApplicationBuilder CreateBuilder()
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
        return builder;
    }

    /// <summary>Runs the work and turns how it ended into an exit code, with one line on stderr for a failure.</summary>
    public static async Task<int> Guard(Func<Task<int>> work, CancellationToken stopping)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is UserInputException or StoreUnavailableException)
        {
            // A store fault (a server down too long, a full disk, a lock held elsewhere) is the environment's, fixed
            // like bad input by the user; its line says what was kept and how to go on.
            await Console.Error.WriteLineAsync($"tuner: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            await Console.Error.WriteLineAsync($"tuner: {DiskFull.Explain(e).Message}");
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
    }
}
