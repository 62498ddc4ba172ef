using System.Diagnostics;
using System.Globalization;

namespace Tuner.Study;

/// <summary>
/// Names the process that runs a trial, as stored with it: "host:pid:start". The host includes the
/// process-id namespace where the system has one (containers on one machine share a host name but not
/// process ids), and the start time (Unix ms) tells a process apart from a later one given the same id.
/// </summary>
internal static class WorkerIdentity
{
    // Declared before Current, which reads it: static initializers run in order.
    private static readonly string Host = Environment.MachineName + ProcessNamespace();

    public static string Current { get; } = Describe(Environment.ProcessId, Process.GetCurrentProcess().StartTime);

    /// <summary>
    /// True when the worker is known to have stopped: it ran in this machine's process namespace and its
    /// process is gone (or the id now belongs to a newer process), or it is "" (a trial stored before workers
    /// were). A worker elsewhere is never judged here: the heartbeat timeout decides for it.
    /// </summary>
    public static bool IsGone(string worker)
    {
        if (worker.Length == 0) return true;
        var parts = worker.Split(':');
        if (parts.Length < 3 || string.Join(':', parts[..^2]) != Host
            || !int.TryParse(parts[^2], CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[^1], CultureInfo.InvariantCulture, out var startedMs))
            return false;
        try
        {
            using var process = Process.GetProcessById(processId);
            // Start times are derived from the boot clock on every read, so they may differ by a tick or two.
            return Math.Abs(process.StartTime.ToUniversalTime().Subtract(DateTime.UnixEpoch).TotalMilliseconds - startedMs) > 1000;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return true;
        }
    }

    public static string Describe(int processId, DateTime started) =>
        string.Create(CultureInfo.InvariantCulture, $"{Host}:{processId}:{(long)started.ToUniversalTime().Subtract(DateTime.UnixEpoch).TotalMilliseconds}");

    private static string ProcessNamespace()
    {
        try
        {
            // "pid:[4026531836]" on Linux; absent elsewhere.
            return File.ResolveLinkTarget("/proc/self/ns/pid", returnFinalTarget: false) is { } link ? "/" + link.Name.Replace(":", "", StringComparison.Ordinal) : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return "";
        }
    }
}
