using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tuner.Storage;

/// <summary>
/// Runs a store operation again when the server is briefly unreachable (a lost connection, a restart,
/// a deadlock the server broke): waits 0.2 s, then twice as long each time up to 10 s, for at most
/// <see cref="MaxOutage"/>. Each operation is written so that running it again after a failure whose
/// outcome is unknown changes nothing twice; the attempt number lets it check what an earlier try did.
/// </summary>
public sealed class PostgresRetry(string location, ILogger? logger, TimeSpan maxOutage)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(0.2);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);

    public TimeSpan MaxOutage { get; } = maxOutage;

    public T Run<T>(string action, Func<int, T> operation)
    {
        var delay = FirstDelay;
        var outage = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return operation(attempt);
            }
            catch (Exception e) when (IsTransient(e) && outage.Elapsed < MaxOutage)
            {
                logger?.LogWarning("{Location} failed while {Action} ({Message}); retrying in {Delay:F1} s",
                    location, action, e.Message, delay.TotalSeconds);
                Thread.Sleep(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
            }
            catch (Exception e) when (IsTransient(e))
            {
                throw new StoreUnavailableException(
                    $"{location} stayed unreachable for {MaxOutage.TotalMinutes:F0} min while {action}: {e.Message}", e);
            }
        }
    }

    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        _ => false,
    };
}

/// <summary>The shared store could not be reached for longer than the retry policy waits.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
