using System.Diagnostics;

namespace Tuner.Tests.Cli;

/// <summary>Runs the built `tuner` (or another built program) as a separate process, as a user or script would.</summary>
public sealed class TunerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    private TunerProcess(string program, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program + ".dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> Stdout { get { lock (_stdout) return _stdout.ToList(); } }

    public IReadOnlyList<string> Stderr { get { lock (_stderr) return _stderr.ToList(); } }

    public static TunerProcess Start(string workingDirectory, params string[] args) => new("tuner", args, workingDirectory);

    /// <summary>Starts `tuner` with these environment variables added to the test's own.</summary>
    public static TunerProcess StartWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args) =>
        new("tuner", args, workingDirectory, environment);

    public static (int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr) Run(string workingDirectory, params string[] args) =>
        RunProgram("tuner", workingDirectory, args);

    /// <summary>Runs a program built into the test directory (e.g. "ProductionConsumer") to its end.</summary>
    public static (int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr) RunProgram(string program, string workingDirectory, params string[] args)
    {
        using var process = new TunerProcess(program, args, workingDirectory);
        var exit = process.WaitForExit(TimeSpan.FromMinutes(2));
        return (exit, process.Stdout, process.Stderr);
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tuner did not exit within {timeout}; its last lines: {string.Join(" | ", Stdout.TakeLast(5).Concat(Stderr.TakeLast(5)))}");
        }

        _process.WaitForExit(); // flush the redirected streams
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
