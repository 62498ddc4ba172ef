using System.Diagnostics;

namespace Tuner.Tests.Faults;

/// <summary>
/// A directory on a filesystem of its own with a fixed size: a tmpfs mounted for one test (root only), which
/// fills up for real. <see cref="Grow"/> enlarges it in place, as freeing space on a full disk would.
/// </summary>
public sealed class SizeLimitedDirectory : IDisposable
{
    private SizeLimitedDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>True when this process may mount one (root on Linux, with mount installed).</summary>
    public static bool CanMount => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/bin/mount");

    public static SizeLimitedDirectory Mount(int kilobytes)
    {
        var path = System.IO.Path.Combine(Samples.TempDirectory(), "small");
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new SizeLimitedDirectory(path);
    }

    public void Grow(int kilobytes) => Run("mount", "-o", $"remount,size={kilobytes}k", Path);

    public void Dispose() => Run("umount", "--lazy", Path);

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {error}");
    }
}

/// <summary>
/// A fact that needs <see cref="SizeLimitedDirectory"/>: skipped, saying so, when not root, unless TUNER_REQUIRE_MOUNT=1
/// (set by .ci/run, which runs as root), where it must run.
/// </summary>
public sealed class SizeLimitedFactAttribute : FactAttribute
{
    public SizeLimitedFactAttribute()
    {
        if (!SizeLimitedDirectory.CanMount && Environment.GetEnvironmentVariable("TUNER_REQUIRE_MOUNT") != "1")
            Skip = "SKIPPED: mounting a size-limited tmpfs for the full-disk test needs root on Linux. CI always runs it.";
    }
}
