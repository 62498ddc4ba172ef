using Microsoft.Extensions.Logging;
using Tuner.Study;

namespace Tuner.Storage;

/// <summary>
/// Opens the store a --storage value names (a PostgreSQL connection string such as "Host=...;Database=...",
/// otherwise an SQLite file) and finds a study in it, with the errors a user can act on.
/// </summary>
internal static class StoredStudy
{
    /// <summary>Where `tune` puts a study's files when no --out is given.</summary>
    public static string DefaultDirectory(string studyName) => Path.Combine("runs", studyName);

    /// <summary>The store `tune` writes by default: runs/&lt;study&gt;/study.db.</summary>
    public static string DefaultPath(string studyName) => Path.Combine(DefaultDirectory(studyName), "study.db");

    public static bool IsShared(string storage) => PostgresConnection.IsConnectionString(storage);

    /// <summary>The --storage value as it may be shown: an SQLite path as given, a connection string without its password.</summary>
    public static string Describe(string storage) => IsShared(storage) ? PostgresConnection.Describe(storage) : storage;

    /// <summary>
    /// Opens (and creates, when new) the store a --storage value names; a server may be unreachable for <paramref name="maxOutage"/>
    /// at a time, unless <paramref name="stopWaiting"/> is cancelled first.
    /// </summary>
    public static IStudyStore OpenStore(string storage, ILogger? logger = null, TimeSpan? maxOutage = null, CancellationToken stopWaiting = default) =>
        IsShared(storage) ? RelationalStudyStore.OpenPostgres(storage, logger, maxOutage, stopWaiting) : RelationalStudyStore.OpenSqlite(storage);

    /// <summary>Where outputs go by default for a study in this store: beside an SQLite file, runs/&lt;study&gt; for a server.</summary>
    public static string OutputDirectory(string storage, string studyName) =>
        IsShared(storage) ? DefaultDirectory(studyName) : Path.GetDirectoryName(Path.GetFullPath(storage))!;

    /// <summary>Opens an existing store and the named study in it.</summary>
    public static (IStudyStore Store, StudyInfo Study) Open(string storage, string studyName, ILogger? logger = null, TimeSpan? maxOutage = null,
        CancellationToken stopWaiting = default)
    {
        if (!IsShared(storage) && !File.Exists(storage))
            throw new UserInputException($"Study store '{storage}' for study '{studyName}' does not exist; pass the study.db written by `tuner tune` with --storage.");
        var store = OpenStore(storage, logger, maxOutage, stopWaiting);
        var study = store.FindStudy(studyName);
        if (study is not null) return (store, study);
        var names = string.Join(", ", store.ListStudies().Select(s => s.Name));
        store.Dispose();
        throw new UserInputException($"Study '{studyName}' is not in '{store.Location}'; studies there: {(names.Length == 0 ? "none" : names)}.");
    }
}
