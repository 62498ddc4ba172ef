namespace Tuner.Output;

/// <summary>
/// Makes the places outputs go, turning what the file system refuses (a file where a directory should be, no
/// permission, a read-only disk) into one line that names the option, instead of an exception from the middle of a run.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Creates the directory <paramref name="path"/> (given by <paramref name="option"/>) if it does not exist.</summary>
    public static string Directory(string path, string option)
    {
        if (System.IO.File.Exists(path))
            throw new UserInputException($"{option} '{path}' is an existing file, not a directory; give a directory (new or existing) for the outputs.");
        Create(path, $"{option} '{path}'");
        return path;
    }

    /// <summary>Checks that the file <paramref name="path"/> can be written: not a directory, its directory made if missing.</summary>
    public static string File(string path, string option)
    {
        if (System.IO.Directory.Exists(path))
            throw new UserInputException($"{option} '{path}' is a directory; give the path of the file to write.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (System.IO.File.Exists(directory))
            throw new UserInputException($"{option} '{path}' lies under '{directory}', which is a file; give a path in a directory.");
        Create(directory, $"the directory of {option} '{path}'");
        return path;
    }

    private static void Create(string directory, string what)
    {
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{what} cannot be created ({e.Message.Split(". ")[0].TrimEnd('.')}); give a place you may write to.");
        }
    }
}
