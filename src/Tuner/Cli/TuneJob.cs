using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Spectre.Console;
using Tuner.Data;
using Tuner.Export;
using Tuner.Output;
using Tuner.Reports.Html;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Cli;

/// <summary>
/// `tuner tune`: load and check the data, create or continue the study, run trials until the budget is
/// spent, then write the leaderboard and best.json. Everything the user could get wrong is checked before
/// the first trial starts.
/// </summary>
public sealed class TuneJob(IAnsiConsole console, ILogger<TuneJob> logger)
{
    public async Task<int> RunAsync(TuneOptions options, CancellationToken cancellationToken)
    {
        var budget = Budget.Parse(options.TimeSeconds, options.Trials, options.Target);
        if (options.Parallel < 1) throw new UserInputException($"--parallel {options.Parallel} must be at least 1.");
        if (options.Folds is < 2) throw new UserInputException($"--folds {options.Folds} must be 2 or more (or leave it out for a holdout split).");
        if (options.ValidationData is not null && options.Folds > 1)
            throw new UserInputException("--folds and --validation-data exclude each other; give one of them.");
        if (!(options.HeartbeatTimeoutSeconds > 0) || !double.IsFinite(options.HeartbeatTimeoutSeconds))
            throw new UserInputException($"--heartbeat-timeout {options.HeartbeatTimeoutSeconds} must be a positive number of seconds, e.g. --heartbeat-timeout 60.");

        var data = DatasetLoader.Load(new DataOptions(options.Data, options.Label, options.Task, options.IgnoreColumns, options.PositiveClass, options.Cells));
        var validation = options.ValidationData is null ? null : DatasetLoader.LoadValidation(options.ValidationData, data);
        var task = data.Label.Task;
        var metric = MetricInfo.Find(task, options.Metric ?? MetricInfo.DefaultFor(task))
            ?? throw new UserInputException(
                $"--metric '{options.Metric}' is not a {task.ToString().ToLowerInvariant()} metric; choose from {string.Join(", ", MetricInfo.For(task).Select(m => m.Name))}.");
        var space = SpaceSelection.Select(options.SpacePath, options.Trainers, task);
        var sampler = SamplerFactory.Create(options.Sampler, space, options.Seed, metric.HigherIsBetter, timeBudget: budget.Time is not null);
        var pruner = PrunerFactory.Create(options.Pruner, metric.HigherIsBetter);

        var prepared = DataPreparation.Prepare(new MLContext(options.Seed), data, validation, options.Folds ?? 1, options.Seed);
        Directory.CreateDirectory(options.OutDirectory);
        var config = new StudyConfig(
            Path.GetFullPath(options.Data), options.ValidationData is null ? null : Path.GetFullPath(options.ValidationData),
            DatasetLoader.Fingerprint(data, validation), options.Label, task.ToString().ToLowerInvariant(),
            metric.Name, metric.HigherIsBetter, options.Seed, options.Folds ?? 1, options.IgnoreColumns, data.Label.Classes,
            data.Label.PositiveClass, data.Rows, prepared.Folds[0].Training.Features.Columns, prepared.Featurization,
            space.Trainers.Select(t => t.Trainer).ToList(), space.Json,
            data.Label.Classes.Select((_, c) => data.Labels.Count(l => l == c)).ToList(), data.Format.TextMissing);

        using var store = StoredStudy.OpenStore(options.StoragePath, logger);
        var study = OpenStudy(store, options.StudyName, config);
        if (store.IsShared) StudyDataFiles.Upload(store, study);
        var plan = new StudyPlan(options.Sampler, options.Pruner, budget.Trials, DateTimeOffset.UtcNow + budget.Time, budget.Target, options.HeartbeatTimeoutSeconds);
        store.SetPlan(study.Id, plan);
        var abandoned = AbandonedTrials.GiveUp(store, study.Id, plan.HeartbeatTimeout);
        if (abandoned > 0) logger.LogWarning("{Count} trial(s) left running by stopped workers were marked interrupted", abandoned);
        var before = store.LoadTrials(study.Id).Count(t => t.IsFinished);

        console.MarkupLine(Markup.Escape(
            $"Study '{study.Name}': {task.ToString().ToLowerInvariant()} on '{options.Data}' ({data.Rows} rows, {data.Columns.Count} columns -> {config.FeatureColumns} features), " +
            $"ranking by validation {metric.Name}, {before} trials already done; store {store.Location}"));

        var searchClock = System.Diagnostics.Stopwatch.StartNew();
        StudyRunner Runner(IStudyProgress progress) =>
            new(store, study, prepared, sampler, pruner, options.Parallel, plan.HeartbeatTimeout, progress, logger);
        if (console.Profile.Capabilities.Interactive)
        {
            var live = new LiveProgress(console, metric.Name, budget, before);
            await live.RunAsync(() => Runner(live).RunAsync(budget, cancellationToken));
        }
        else
        {
            await Runner(new LogProgress(Console.Out, metric.Name)).RunAsync(budget, cancellationToken);
        }

        WriteOutputs(store, study, prepared, options.OutDirectory, searchClock.Elapsed, cancellationToken);
        return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    /// <summary>The winner's learning curve by training-set size, stored with the study for its reports; its verdict on the console.</summary>
    private void MeasureSizeCurve(IStudyStore store, StudyInfo study, StudyData prepared, TrialRecord best, TimeSpan searchTime, CancellationToken cancellationToken)
    {
        try
        {
            var points = SizeCurve.Measure(prepared, best, study.Config.Metric, study.Config.Seed, SizeCurveAllowance(searchTime), cancellationToken);
            SizeCurve.Save(store, study.Id, points);
            if (MetricInfo.Find(prepared.Task, study.Config.Metric) is { } metric && Reports.Diagnosis.SizeVerdict.Judge(points, metric) is { } verdict)
                console.MarkupLine(Markup.Escape(verdict.Text));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Interrupted: the learning curve by training-set size was not measured");
        }
    }

    /// <summary>A tenth of the search's time, and at least 2 s: the curve by size is a look at the winner, not a second search.</summary>
    private static TimeSpan SizeCurveAllowance(TimeSpan searchTime) => TimeSpan.FromSeconds(Math.Max(2, searchTime.TotalSeconds / 10));

    private void WriteOutputs(IStudyStore store, StudyInfo study, StudyData prepared, string outDirectory, TimeSpan searchTime, CancellationToken cancellationToken)
    {
        var ranked = Ranking.Rank(store.LoadTrials(study.Id), study.Config.HigherIsBetter);
        LeaderboardCsv.Write(Path.Combine(outDirectory, "leaderboard.csv"), ranked);
        console.Write(LeaderboardTable.Build(study, ranked));
        var best = Ranking.Best(ranked, study.Config.HigherIsBetter);
        if (best is null)
        {
            console.MarkupLine("[yellow]No trial completed, so there is no best.json yet; see leaderboard.csv for the errors.[/]");
            return;
        }

        var settings = BestSettings.From(study, best, prepared.Plan);
        settings.Save(Path.Combine(outDirectory, "best.json"));
        if (!cancellationToken.IsCancellationRequested) MeasureSizeCurve(store, study, prepared, best, searchTime, cancellationToken);
        var report = Path.Combine(outDirectory, "report.html");
        StudyReport.Write(ReportDataBuilder.Build(store, study), report);
        console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(outDirectory, "leaderboard.csv")}, {Path.Combine(outDirectory, "best.json")} and {report}."));
        console.MarkupLine(Markup.Escape(ExportCommand.ExportModel(prepared, settings, outDirectory)));
    }

    private static StudyInfo OpenStudy(IStudyStore store, string name, StudyConfig config)
    {
        // Created by another process meanwhile, CreateStudy returns that study, which is then compared like any other.
        var existing = store.FindStudy(name) ?? store.CreateStudy(name, config);
        var old = existing.Config;
        string? difference =
            old.DataFingerprint != config.DataFingerprint ? "its data file has different contents"
            : old.Label != config.Label ? $"its label is '{old.Label}'"
            : old.Task != config.Task ? $"its task is {old.Task}"
            : old.Metric != config.Metric ? $"it ranks by {old.Metric}"
            : old.Seed != config.Seed ? $"its seed is {old.Seed}"
            : old.Folds != config.Folds ? $"it uses {old.Folds} fold(s)"
            : old.PositiveClass != config.PositiveClass ? $"its positive class is '{old.PositiveClass}'"
            : !(old.TextMissing ?? [""]).SequenceEqual(config.TextMissing ?? [""]) ? "its --text-missing values differ"
            : !old.Trainers.SequenceEqual(config.Trainers) || old.SearchSpace != config.SearchSpace ? "its search space or --trainers differ"
            : null;
        return difference is null
            ? existing
            : throw new UserInputException($"Study '{name}' already exists in this store and {difference}; rerun with the same settings to continue it, or pass a new --study name.");
    }
}
