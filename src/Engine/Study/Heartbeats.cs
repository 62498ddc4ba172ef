using Microsoft.Extensions.Logging;

namespace Tuner.Study;

/// <summary>
/// Runs a study's periodic chores on a background task until disposed: every <c>interval</c> (a sixth of
/// the heartbeat timeout, so five beats can be missed before a trial is given up) it calls
/// <c>tick</c>. A tick that fails is logged and tried again at the next interval. <see cref="Every"/> runs
/// another chore at an interval of its own.
/// </summary>
internal sealed class Heartbeats : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Heartbeats(TimeSpan heartbeatTimeout, Action tick, ILogger? logger)
        : this(tick, logger, IntervalFor(heartbeatTimeout))
    {
    }

    private Heartbeats(Action tick, ILogger? logger, TimeSpan interval)
    {
        Interval = interval;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Interval);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        tick();
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger?.LogWarning("Heartbeat failed: {Message}; trying again in {Interval:F1} s", e.Message, Interval.TotalSeconds);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public TimeSpan Interval { get; }

    public static Heartbeats Every(TimeSpan interval, Action tick, ILogger? logger) => new(tick, logger, interval);

    public static TimeSpan IntervalFor(TimeSpan heartbeatTimeout) =>
        TimeSpan.FromSeconds(Math.Clamp(heartbeatTimeout.TotalSeconds / 6, 0.1, 10));

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
        _stop.Dispose();
    }
}
