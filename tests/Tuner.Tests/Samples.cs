namespace Tuner.Tests;

/// <summary>Paths to the sample datasets and scratch directories for tests.</summary>
public static class Samples
{
    public static string Data(string file) => Path.Combine(RepositoryRoot, "samples", "data", file);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "tuner-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string WriteCsv(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tuner.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tuner.sln not found above the test directory.");
    }
}
