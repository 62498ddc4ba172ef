using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Engine;
using Tuner.Output;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Cli;

/// <summary>
/// What a worker does on the console: joins the shared study (<see cref="TuningSession.Join"/>: its data, space,
/// sampler and pruner from the store alone), then claims, runs and records trials until the study's global budget is spent.
/// </summary>
public sealed class WorkerJob(IAnsiConsole console, ILogger<WorkerJob> logger)
{
    public async Task<int> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        using var session = TuningSession.Join(options.Storage, options.Study, options.Parallel, options.DataCache, logger, options.OutageTimeoutSeconds, cancellationToken);
        var (study, store) = (session.Study, session.Store);
        console.MarkupLine(Markup.Escape(
            $"Worker {WorkerIdentity.Current} joins study '{study.Name}' in {store.Location}: {study.Config.Task} on '{session.DataPath}', " +
            $"ranking by validation {study.Config.Metric}; study budget: {Describe(session.Plan)}; {options.Parallel} trial(s) at a time"));
        await session.SearchAsync(new LogProgress(Console.Out, study.Config.Metric), cancellationToken);

        var trials = store.LoadTrials(study.Id);
        var best = Ranking.Best(trials, study.Config.HigherIsBetter);
        var how = cancellationToken.IsCancellationRequested ? "stopped; its running trials are left to other workers" : "done";
        console.MarkupLine(Markup.Escape(
            $"Worker {how}: study '{study.Name}' holds {trials.Count(t => t.IsFinished && !t.IsRetryable)} finished trial(s); best " +
            (best is null ? "none yet" : $"{best.Value!.Value.ToString("G5", CultureInfo.InvariantCulture)} (trial {best.Number}, {best.Trainer})")));
        return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private static string Describe(StudyPlan plan)
    {
        var parts = new List<string>();
        if (plan.Trials is { } trials) parts.Add($"{trials} trials");
        if (plan.Deadline is { } deadline) parts.Add($"until {deadline.ToString("u", CultureInfo.InvariantCulture)}");
        if (plan.Target is { } target) parts.Add($"target {target.ToString("G5", CultureInfo.InvariantCulture)}");
        return string.Join(", ", parts);
    }
}
