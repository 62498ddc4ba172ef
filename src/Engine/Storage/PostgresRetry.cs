using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tuner.Storage;

/// <summary>
/// Runs a store operation again when the server is briefly unreachable (a lost connection, a restart,
/// a deadlock the server broke): waits 0.2 s, then twice as long each time up to 10 s, for at most
/// <see cref="MaxOutage"/>. Each operation is written so that running it again after a failure whose
/// outcome is unknown changes nothing twice; the attempt number lets it check what an earlier try did.
/// An outage is logged once when it begins and once when the server answers again, however many trial
/// threads wait through it. Cancelling <paramref name="stopWaiting"/> (Ctrl+C) ends a wait at once.
/// </summary>
public sealed class PostgresRetry(string location, ILogger? logger, TimeSpan maxOutage, CancellationToken stopWaiting = default)
{
    /// <summary>How long a command waits through an outage unless told otherwise (--outage-timeout).</summary>
    public static readonly TimeSpan DefaultMaxOutage = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(0.2);
    /// <summary>The longest wait between two attempts: a process reconnects at most this long after the server is back.</summary>
    internal static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _outageStarted;

    public TimeSpan MaxOutage { get; } = maxOutage;

    /// <summary>An --outage-timeout in seconds as a wait, checked: a positive number of seconds, at most ten years.</summary>
    /// <exception cref="UserInputException">It is not.</exception>
    public static TimeSpan OutageTimeout(double seconds) => seconds > 0 && seconds <= TimeSpan.FromDays(3650).TotalSeconds
        ? TimeSpan.FromSeconds(seconds)
        : throw new UserInputException($"--outage-timeout {seconds} must be a positive number of seconds (at most ten years), e.g. --outage-timeout 600.");

    public T Run<T>(string action, Func<int, T> operation)
    {
        var delay = FirstDelay;
        var outage = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            T result;
            try
            {
                result = operation(attempt);
            }
            catch (Exception e) when (IsTransient(e) && outage.Elapsed < MaxOutage)
            {
                OutageBegins(action, e);
                if (stopWaiting.WaitHandle.WaitOne(delay)) stopWaiting.ThrowIfCancellationRequested();
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
                continue;
            }
            catch (Exception e) when (IsTransient(e))
            {
                throw new StoreUnavailableException(
                    $"{location} stayed unreachable for {Describe(MaxOutage)} while {action} ({e.Message.TrimEnd('.')}); the trials finished so far are kept: " +
                    "run the same command again once the server is back (--outage-timeout sets how long to wait).", e);
            }

            if (Volatile.Read(ref _outageStarted) != 0) OutageEnds();
            return result;
        }
    }

    public static bool IsTransient(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        _ => false,
    };

    private void OutageBegins(string action, Exception e)
    {
        lock (_gate)
        {
            if (_outageStarted != 0) return;
            _outageStarted = Stopwatch.GetTimestamp();
        }

        logger?.LogWarning("{Location} is unreachable while {Action} ({Message}); retrying for up to {Bound}, finished trials are safe",
            location, action, e.Message.TrimEnd('.'), Describe(MaxOutage));
    }

    private void OutageEnds()
    {
        long started;
        lock (_gate)
        {
            (started, _outageStarted) = (_outageStarted, 0);
        }

        if (started != 0)
            logger?.LogWarning("{Location} answers again after {Seconds} s; carrying on", location,
                Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
    }

    private static string Describe(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:G4} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:G4} min");
}
