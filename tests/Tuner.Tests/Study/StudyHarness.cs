using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Tuner.Cli;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Study;

/// <summary>Runs `tune` in-process with a silent console and reads back what it stored.</summary>
public static class StudyHarness
{
    public static TuneOptions Options(string data, string label, string outDirectory, int trials, string? trainers = null, string? metric = null,
        string? space = null, int parallel = 1, int? folds = null, IReadOnlyList<string>? ignore = null, string sampler = "random", string pruner = "none") =>
        new(data, label, null, null, metric, null, trials, null, space, TuneCommand.SplitList(trainers), sampler, pruner, parallel, folds, ignore ?? [], 42,
            "test", null, outDirectory);

    public static async Task<int> RunAsync(TuneOptions options, CancellationToken cancellationToken = default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
        });
        return await new TuneJob(console, NullLogger<TuneJob>.Instance).RunAsync(options, cancellationToken);
    }

    public static IReadOnlyList<TrialRecord> Trials(string outDirectory)
    {
        using var store = new SqliteStudyStore(Path.Combine(outDirectory, "study.db"));
        return store.LoadTrials(store.FindStudy("test")!.Id);
    }
}
