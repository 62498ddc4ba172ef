using Tuner.Data;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// A study's data files on the machine that needs them. `tune` uploads copies into a shared store; a
/// worker uses the original path when it holds the same bytes (same fingerprint), otherwise the uploaded
/// copy, written once into a local cache and checked against the fingerprint.
/// </summary>
internal static class StudyDataFiles
{
    public static string CacheDirectory => Path.Combine(Path.GetTempPath(), "tuner-data");

    public static void Upload(IStudyStore store, StudyInfo study)
    {
        foreach (var (role, path, fingerprint) in Files(study.Config))
        {
            if (store.HasFile(study.Id, role, fingerprint)) continue;
            store.SaveFile(study.Id, new StoredFile(role, Path.GetFileName(path), fingerprint, File.ReadAllBytes(path)));
        }
    }

    /// <summary>Local paths of the study's data and validation files, downloading copies where needed.</summary>
    public static (string Data, string? Validation) Locate(IStudyStore store, StudyInfo study, string cacheDirectory)
    {
        var located = Files(study.Config).ToDictionary(f => f.Role, f => Locate(store, study, f.Role, f.Path, f.Fingerprint, cacheDirectory));
        return (located[StoredFile.Data], located.GetValueOrDefault(StoredFile.Validation));
    }

    private static string Locate(IStudyStore store, StudyInfo study, string role, string path, string fingerprint, string cacheDirectory)
    {
        if (File.Exists(path) && DatasetLoader.Fingerprint(path) == fingerprint) return path;
        var cached = Path.Combine(cacheDirectory, fingerprint, Path.GetFileName(path));
        if (File.Exists(cached) && DatasetLoader.Fingerprint(cached) == fingerprint) return cached;
        var copy = store.LoadFile(study.Id, role) ?? throw new UserInputException(File.Exists(path)
            ? $"'{path}' has changed since study '{study.Name}' ran (fingerprint {DatasetLoader.Fingerprint(path)}, study {fingerprint}) and {store.Location} holds no copy of the original; restore the original file or tune again."
            : $"Study '{study.Name}' reads {role} file '{path}', which is not on this machine, and {store.Location} holds no copy; copy the file to that path, " +
              "or start the study with `tuner tune --storage` on a PostgreSQL store, which uploads it.");
        if (copy.Fingerprint != fingerprint)
            throw new UserInputException($"The copy of '{path}' in {store.Location} does not match study '{study.Name}' (fingerprint {copy.Fingerprint}, study {fingerprint}); start the study again with `tuner tune`.");
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        // Written aside and moved, so a worker starting beside this one never reads half a file.
        var partial = $"{cached}.{Environment.ProcessId}.part";
        File.WriteAllBytes(partial, copy.Content);
        File.Move(partial, cached, overwrite: true);
        return cached;
    }

    private static IEnumerable<(string Role, string Path, string Fingerprint)> Files(StudyConfig config)
    {
        var fingerprints = config.DataFingerprint.Split('+');
        yield return (StoredFile.Data, config.DataPath, fingerprints[0]);
        if (config.ValidationPath is { } validation) yield return (StoredFile.Validation, validation, fingerprints[1]);
    }
}
