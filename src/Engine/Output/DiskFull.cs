namespace Tuner.Output;

/// <summary>
/// A file the tuner writes (an output, a report, an export) that did not fit on its disk, as one line naming
/// the file: the same fault as a full study store, met outside it, and fixed the same way.
/// </summary>
internal static class DiskFull
{
    // ENOSPC on Linux and macOS (.NET reports errno as the HResult there); ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
    private const int NoSpace = 28;
    private static readonly int[] WindowsDiskFull = [unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// <summary>Below this much free space a disk counts as full: files the tuner writes are up to a few MB.</summary>
    private const long NearlyFullBytes = 64L << 20;

    /// <summary>
    /// True when <paramref name="e"/> says the disk is full, or, when it is a plain I/O error (.NET raises one without the
    /// error number when it cannot preallocate a file), when the disk holding <paramref name="directory"/> is nearly full.
    /// </summary>
    public static bool Is(IOException e, string? directory = null) =>
        e.HResult == NoSpace || WindowsDiskFull.Contains(e.HResult) || directory is not null && NearlyFull(directory);

    public static UserInputException Explain(IOException e) =>
        new($"The disk is full ({e.Message.TrimEnd('.')}); free space on it, then run the same command again (every finished trial is kept in the study store).");

    private static bool NearlyFull(string directory)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace < NearlyFullBytes;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
