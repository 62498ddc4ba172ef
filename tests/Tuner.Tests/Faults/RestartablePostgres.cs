using System.Diagnostics;

namespace Tuner.Tests.Faults;

/// <summary>
/// A PostgreSQL server of one test's own, started by .ci/postgres (root, Debian's postgresql), so the test may stop
/// and start it without disturbing the tests that share the TUNER_POSTGRES server. Removed on dispose.
/// </summary>
public sealed class RestartablePostgres : IDisposable
{
    private readonly string _directory;

    private RestartablePostgres(string connectionString, string directory) => (ConnectionString, _directory) = (connectionString, directory);

    /// <summary>
    /// The xunit collection of the tests that start one: they run one class at a time, since .ci/postgres picks its
    /// port before the server takes it, so two servers started at once may pick the same.
    /// </summary>
    public const string Collection = "servers of their own";

    /// <summary>Its database "tuner", with the user's password.</summary>
    public string ConnectionString { get; }

    /// <summary>True when this process may start one: root on Linux with Debian's postgresql installed.</summary>
    public static bool CanStart => OperatingSystem.IsLinux() && Environment.UserName == "root" && Directory.Exists("/usr/lib/postgresql");

    public static RestartablePostgres Start()
    {
        var exports = Script().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Replace("export ", "", StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''));
        return new RestartablePostgres(exports["TUNER_POSTGRES"], exports["TUNER_POSTGRES_DIR"]);
    }

    /// <summary>Stops the server (fast shutdown: every session is ended), keeping its data.</summary>
    public void Halt() => Script("halt", _directory);

    /// <summary>Starts it again on the same port, as after a restart.</summary>
    public void Resume() => Script("resume", _directory);

    public void Dispose() => Script("stop", _directory);

    private static string Script(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Samples.RepositoryRoot, ".ci", "postgres")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($".ci/postgres {string.Join(' ', args)} failed: {error.Result}");
        return output;
    }
}

/// <summary>
/// A fact that needs <see cref="RestartablePostgres"/>: skipped, saying so, when this process cannot start a server,
/// unless TUNER_REQUIRE_POSTGRES=1 (set by .ci/run, as root), where it must run.
/// </summary>
public sealed class RestartablePostgresFactAttribute : FactAttribute
{
    public RestartablePostgresFactAttribute()
    {
        if (!RestartablePostgres.CanStart && Environment.GetEnvironmentVariable("TUNER_REQUIRE_POSTGRES") != "1")
            Skip = "SKIPPED: the PostgreSQL restart tests start a server of their own with .ci/postgres, which needs root and Debian's postgresql. CI always runs them.";
    }
}
