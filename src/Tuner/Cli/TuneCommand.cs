using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tuner.Engine;
using Tuner.Trainers.Components;
using Tuner.Trainers.Data;

namespace Tuner.Cli;

/// <summary>The `tune` command's options and how they become <see cref="StudyOptions"/>.</summary>
public static class TuneCommand
{
    public static Command Build()
    {
        var data = new Option<string>("--data") { Description = "CSV file with a header row (comma or tab separated)", Required = true };
        var label = new Option<string>("--label") { Description = "the column to predict", Required = true };
        var validation = new Option<string?>("--validation-data") { Description = "held-out rows; otherwise a seeded, stratified 80/20 split of --data" };
        var task = new Option<string?>("--task") { Description = "binary, multiclass or regression; inferred from the label when omitted" };
        var metric = new Option<string?>("--metric") { Description = "ranking metric; defaults: binary auc, multiclass accuracy, regression rmse" };
        var time = new Option<double?>("--time") { Description = $"time budget in seconds, writing the outputs included (default {Study.Budget.DefaultSeconds} when no budget is given)" };
        var trials = new Option<int?>("--trials") { Description = "stop once the study holds this many finished trials" };
        var target = new Option<double?>("--target") { Description = "stop once the validation ranking metric reaches this value" };
        var sampler = new Option<string>("--sampler") { Description = $"how to propose trials: {Choices(Search.SamplerFactory.All)}; settings after a colon, e.g. tpe:candidates=48", DefaultValueFactory = _ => Search.SamplerFactory.Default };
        var pruner = new Option<string>("--pruner") { Description = $"how to stop hopeless trials early: {Choices(Search.PrunerFactory.All)}; settings after a colon, e.g. asha:eta=4", DefaultValueFactory = _ => Search.PrunerFactory.Default };
        var space = new Option<string?>("--space") { Description = "search space JSON; default: the built-in space for the task" };
        var trainers = new Option<string?>("--trainers") { Description = $"comma-separated trainer families ({string.Join(", ", Trainers.Training.TrainerRegistry.KnownFamilies)}) or trainer names" };
        var parallel = new Option<int>("--parallel") { Description = "concurrent trials", DefaultValueFactory = _ => Environment.ProcessorCount };
        var folds = new Option<int?>("--folds") { Description = "k-fold cross-validation instead of one holdout split" };
        var ignore = new Option<string?>("--ignore-cols") { Description = "comma-separated columns that are not features (ids)" };
        var seed = new Option<int>("--seed") { Description = "seed for splits, sampling and trainers", DefaultValueFactory = _ => 42 };
        var study = new Option<string?>("--study") { Description = "study name (default: <data file>-<label>); rerun with the same name to continue" };
        var storage = new Option<string?>("--storage")
        {
            Description = "study store: SQLite file, or a PostgreSQL connection string (\"Host=...;Database=...\") that `tuner worker` processes share; default: DIR/study.db",
        };
        var heartbeat = new Option<double>("--heartbeat-timeout")
        {
            Description = "seconds without a heartbeat after which a worker's running trial is given up and retried",
            DefaultValueFactory = _ => Study.StudyPlan.DefaultHeartbeatTimeoutSeconds,
        };
        var outage = OutageOption();
        var output = new Option<string?>("--out") { Description = "output directory (default: runs/<study>)" };
        var positive = new Option<string?>("--positive-class") { Description = "binary: the class PredictedLabel=true and the probability stand for (default: 1/true/yes against 0/false/no, else the rarer class)" };
        var textMissing = new Option<string?>("--text-missing") { Description = "comma-separated values that mean missing in text columns too, e.g. NA (default: only empty cells)" };

        var command = new Command("tune", "Run a tuning job over a dataset")
        {
            data, label, validation, task, metric, time, trials, target, space, trainers, sampler, pruner, parallel, folds, ignore, seed, study, storage, output, heartbeat, outage, positive, textMissing,
        };
        command.SetAction((result, _) => HostedCommand.RunAsync((services, token) =>
        {
            var options = new StudyOptions
            {
                Data = result.GetValue(data)!, Label = result.GetValue(label)!, ValidationData = result.GetValue(validation), Task = ParseTask(result.GetValue(task)),
                Metric = result.GetValue(metric), TimeSeconds = result.GetValue(time), Trials = result.GetValue(trials), Target = result.GetValue(target),
                SpacePath = result.GetValue(space), Trainers = SplitList(result.GetValue(trainers)), Sampler = result.GetValue(sampler)!, Pruner = result.GetValue(pruner)!,
                Parallel = result.GetValue(parallel), Folds = result.GetValue(folds), IgnoreColumns = SplitList(result.GetValue(ignore)), Seed = result.GetValue(seed),
                Study = result.GetValue(study), Storage = result.GetValue(storage), Out = result.GetValue(output), HeartbeatTimeoutSeconds = result.GetValue(heartbeat),
                OutageTimeoutSeconds = result.GetValue(outage),
                PositiveClass = result.GetValue(positive), TextMissing = SplitList(result.GetValue(textMissing)),
            };
            return services.GetRequiredService<TuneJob>().RunAsync(options, token);
        }));
        return command;
    }

    /// <summary>--outage-timeout, shared with every command that uses a study store.</summary>
    public static Option<double> OutageOption() => new("--outage-timeout")
    {
        Description = "seconds a PostgreSQL store may stay unreachable (a restart, a network cut) before the command stops with exit code 2, keeping every finished trial",
        DefaultValueFactory = _ => Tuner.Storage.PostgresRetry.DefaultMaxOutage.TotalSeconds,
    };

    /// <summary>"tpe (candidates, startup, …), random or grid": the registered names, each with its settings.</summary>
    private static string Choices<TCreate>(IReadOnlyList<ComponentEntry<TCreate>> entries)
        where TCreate : Delegate
    {
        var named = entries.Select(e => e.Parameters.Count == 0 ? e.Name : $"{e.Name} ({string.Join(", ", e.Parameters.Select(p => p.Name))})").ToArray();
        return named.Length == 1 ? named[0] : $"{string.Join(", ", named[..^1])} or {named[^1]}";
    }

    public static IReadOnlyList<string> SplitList(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static TaskKind? ParseTask(string? text) => text is null ? null
        : Enum.TryParse<TaskKind>(text, ignoreCase: true, out var task) && !int.TryParse(text, out _) ? task
        : throw new UserInputException($"--task '{text}' is not a task; use binary, multiclass or regression.");
}
