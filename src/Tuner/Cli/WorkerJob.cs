using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Tuner.Output;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Cli;

/// <summary>
/// What a worker does: open the shared study, rebuild its data (the local file or the uploaded copy) and
/// search space from the store alone, then claim, run and record trials with the study's sampler and
/// pruner until the study's global budget is spent.
/// </summary>
public sealed class WorkerJob(IAnsiConsole console, ILogger<WorkerJob> logger)
{
    public async Task<int> RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        if (options.Parallel < 1) throw new UserInputException($"--parallel {options.Parallel} must be at least 1.");
        var (store, study) = StoredStudy.Open(options.Storage, options.Study, logger);
        using (store)
        {
            var plan = study.Plan ?? throw new UserInputException(
                $"Study '{study.Name}' in {store.Location} has no stored budget (it was created by an older tuner); run `tuner tune` on it once, then start workers.");
            var (dataPath, validationPath) = StudyDataFiles.Locate(store, study, options.DataCache ?? StudyDataFiles.CacheDirectory);
            var prepared = StudyDataReload.Prepare(study.Config, dataPath, validationPath);
            var space = SpaceSelection.FromStudy(study.Config);
            var sampler = SamplerFactory.Create(plan.Sampler, space, study.Config.Seed, study.Config.HigherIsBetter, timeBudget: plan.Deadline is not null);
            var pruner = PrunerFactory.Create(plan.Pruner, study.Config.HigherIsBetter);
            var budget = plan.BudgetAt(DateTimeOffset.UtcNow);

            console.MarkupLine(Markup.Escape(
                $"Worker {WorkerIdentity.Current} joins study '{study.Name}' in {store.Location}: {study.Config.Task} on '{dataPath}', " +
                $"ranking by validation {study.Config.Metric}; study budget: {Describe(plan)}; {options.Parallel} trial(s) at a time"));
            var runner = new StudyRunner(store, study, prepared, sampler, pruner, options.Parallel, plan.HeartbeatTimeout,
                new LogProgress(Console.Out, study.Config.Metric), logger);
            await runner.RunAsync(budget, cancellationToken);

            var trials = store.LoadTrials(study.Id);
            var best = Ranking.Best(trials, study.Config.HigherIsBetter);
            var how = cancellationToken.IsCancellationRequested ? "stopped; its running trials are left to other workers" : "done";
            console.MarkupLine(Markup.Escape(
                $"Worker {how}: study '{study.Name}' holds {trials.Count(t => t.IsFinished && !t.IsRetryable)} finished trial(s); best " +
                (best is null ? "none yet" : $"{best.Value!.Value.ToString("G5", CultureInfo.InvariantCulture)} (trial {best.Number}, {best.Trainer})")));
            return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
        }
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
