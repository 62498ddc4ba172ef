using Tuner.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Tuner.Cli;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Study;

/// <summary>Runs `tune` in-process with a silent console and reads back what it stored.</summary>
public static class StudyHarness
{
    public static StudyOptions Options(string data, string label, string outDirectory, int trials, string? trainers = null, string? metric = null,
        string? space = null, int parallel = 1, int? folds = null, IReadOnlyList<string>? ignore = null, string sampler = "random", string pruner = "none",
        string? storage = null, double heartbeatTimeout = StudyPlan.DefaultHeartbeatTimeoutSeconds) => new()
    {
        Data = data, Label = label, Metric = metric, Trials = trials, SpacePath = space, Trainers = TuneCommand.SplitList(trainers), Sampler = sampler,
        Pruner = pruner, Parallel = parallel, Folds = folds, IgnoreColumns = ignore ?? [], Seed = 42, Study = "test", Storage = storage,
        Out = outDirectory, HeartbeatTimeoutSeconds = heartbeatTimeout,
    };

    /// <summary>A silent console for an in-process command to write to.</summary>
    public static IAnsiConsole SilentConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(TextWriter.Null),
        Interactive = InteractionSupport.No,
        Ansi = AnsiSupport.No,
    });

    public static Task<int> RunAsync(StudyOptions options, CancellationToken cancellationToken = default) =>
        new TuneJob(SilentConsole(), NullLogger<TuneJob>.Instance).RunAsync(options, cancellationToken);

    public static IReadOnlyList<TrialRecord> Trials(string outDirectory) => StoredTrials(Path.Combine(outDirectory, "study.db"));

    /// <summary>The trials of study "test" in the store a --storage value names (SQLite file or PostgreSQL).</summary>
    public static IReadOnlyList<TrialRecord> StoredTrials(string storage)
    {
        using var store = StoredStudy.OpenStore(storage);
        return store.LoadTrials(store.FindStudy("test")!.Id);
    }
}
