using Tuner.Study;

namespace Tuner.Storage;

/// <summary>Opens an existing store and finds a study in it, with the errors a user can act on.</summary>
public static class StoredStudy
{
    /// <summary>Where `tune` puts a study's files when no --out is given.</summary>
    public static string DefaultDirectory(string studyName) => Path.Combine("runs", studyName);

    /// <summary>The store `tune` writes by default: runs/&lt;study&gt;/study.db.</summary>
    public static string DefaultPath(string studyName) => Path.Combine(DefaultDirectory(studyName), "study.db");

    public static (SqliteStudyStore Store, StudyInfo Study) Open(string path, string studyName)
    {
        if (!File.Exists(path))
            throw new UserInputException($"Study store '{path}' for study '{studyName}' does not exist; pass the study.db written by `tuner tune` with --storage.");
        var store = new SqliteStudyStore(path);
        var study = store.FindStudy(studyName);
        if (study is not null) return (store, study);
        var names = string.Join(", ", store.ListStudies().Select(s => s.Name));
        store.Dispose();
        throw new UserInputException($"Study '{studyName}' is not in '{path}'; studies there: {names}.");
    }
}
