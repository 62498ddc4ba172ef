namespace Tuner.Data;

/// <summary>
/// Refuses, before any matrix is built, data whose dense feature matrices cannot fit: in this machine's memory
/// (with room for the trainers' own copies). The one line says what it needs and what helps.
/// </summary>
internal static class MatrixMemory
{
    // The trainers' working copies (ML.NET's binned datasets, gradients) and the runtime come on top of the matrices.
    private const double Headroom = 1.5;

    public static void RequireRoom(string path, long rowsPerFold, int features, int folds) =>
        RequireRoom(path, rowsPerFold, features, folds, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    public static void RequireRoom(string path, long rowsPerFold, int features, int folds, long availableBytes)
    {
        var fix = folds > 1 ? "use fewer rows or columns, or fewer --folds" : "use fewer rows or columns";
        var needed = (long)(rowsPerFold * features * sizeof(float) * (double)folds * Headroom);
        if (needed > availableBytes)
            throw new UserInputException(
                $"'{path}' needs about {Gib(needed)} of memory for its feature matrices ({rowsPerFold:N0} rows × {features:N0} features × 4 bytes" +
                $"{(folds > 1 ? $" × {folds} folds" : "")}, plus half for the trainers), but {Gib(availableBytes)} is available; {fix}, or tune on a machine with more memory.");
    }

    private static string Gib(long bytes) => $"{bytes / (double)(1L << 30):F1} GiB";
}
