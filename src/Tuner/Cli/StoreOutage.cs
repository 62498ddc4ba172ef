using Microsoft.Extensions.Logging;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Cli;

/// <summary>
/// How a command that reads a study store rides out a PostgreSQL outage, as `tune` and `worker` do: it waits up to
/// --outage-timeout seconds (then one line and exit code 2), says once on stderr when the server stops answering and
/// once when it answers again, and Ctrl+C (<paramref name="StopWaiting"/>) ends the wait at once.
/// </summary>
public sealed record StoreOutage(ILogger? Logger, double TimeoutSeconds, CancellationToken StopWaiting)
{
    /// <summary>No notices, the default timeout: for callers without a console (tests, the library).</summary>
    public static readonly StoreOutage Quiet = new(null, PostgresRetry.DefaultMaxOutage.TotalSeconds, CancellationToken.None);

    /// <summary>The store a --storage value names.</summary>
    /// <exception cref="UserInputException">--outage-timeout is not a positive number of seconds.</exception>
    internal IStudyStore OpenStore(string storage) => StoredStudy.OpenStore(storage, Logger, PostgresRetry.OutageTimeout(TimeoutSeconds), StopWaiting);

    /// <summary>An existing store and the named study in it.</summary>
    internal (IStudyStore Store, StudyInfo Study) Open(string storage, string studyName) =>
        StoredStudy.Open(storage, studyName, Logger, PostgresRetry.OutageTimeout(TimeoutSeconds), StopWaiting);
}
