using Microsoft.Data.Sqlite;

namespace Tuner.Storage;

/// <summary>
/// SQLite's failures that come from the machine rather than from the tuner: a full disk, a lock another process
/// holds for longer than the busy timeout, an I/O error, a file made read-only. Each becomes one line naming the
/// store file and what to do; committed transactions are never touched by them, so finished trials are kept.
/// </summary>
internal static class SqliteFaults
{
    /// <summary>How long a statement waits for another process's lock before the store gives up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CannotOpen = 14;

    private const string GoOn = "then run the same command again to continue the study (the trials finished so far are kept)";

    /// <summary>The fault as one line, or null when <paramref name="failure"/> is not one of the machine's.</summary>
    public static StoreUnavailableException? Explain(SqliteException failure, string path, string action) => (failure.SqliteErrorCode & 0xFF) switch
    {
        Full => new($"The disk holding the study store '{path}' is full (while {action}); free space on it, {GoOn}.", failure),
        Busy or Locked => new(
            $"The study store '{path}' is locked by another process (waited {BusyTimeout.TotalSeconds:G3} s while {action}); let that process finish or stop it, {GoOn}.",
            failure),
        IoError or ReadOnly or CannotOpen => new(
            $"The study store '{path}' cannot be written (while {action}: {failure.Message.TrimEnd('.')}); check the disk and the file's permissions, {GoOn}.", failure),
        _ => null,
    };
}
