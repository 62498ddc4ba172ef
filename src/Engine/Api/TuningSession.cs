using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Tuner.Data;
using Tuner.Export;
using Tuner.Output;
using Tuner.Reports.Html;
using Tuner.Reports.Model;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Metrics;

namespace Tuner.Engine;

/// <summary>
/// One study opened for a run: the data loaded and checked, the study created in its store or continued
/// (same name, same settings), its sampler, pruner and budget ready. Everything a user could get wrong is checked
/// in <see cref="Open"/>, before the first trial. <code>
/// using var session = TuningSession.Open(new StudyOptions { Data = "spam.csv", Label = "type", TimeSeconds = 60 });
/// var outcome = await session.RunAsync();   // search, then leaderboard.csv, best.json, report.html, model.zip
/// </code>
/// Opening it again with the same options resumes the study; <see cref="Read"/> reads one without running it.
/// </summary>
public sealed class TuningSession : IDisposable
{
    private readonly StudyData _prepared;
    private readonly ISampler _sampler;
    private readonly IPruner _pruner;
    private readonly int _parallel;
    private readonly bool _ownsStore;
    private readonly ILogger? _logger;
    private readonly OutputTimePlan _timePlan;
    private TimeSpan _searchTime;
    private DateTimeOffset? _deadline;
    private readonly WinnerModel _winnerModel;

    private TuningSession(StudyData prepared, IStudyStore store, bool ownsStore, StudyInfo study, StudyPlan plan, Budget budget, OutputTimePlan timePlan,
        ISampler sampler, IPruner pruner, int parallel, string outDirectory, ILogger? logger)
    {
        (_prepared, Store, _ownsStore, Study, Plan, Budget, _timePlan, _sampler, _pruner, _parallel, OutDirectory, _logger) =
            (prepared, store, ownsStore, study, plan, budget, timePlan, sampler, pruner, parallel, outDirectory, logger);
        TrialsBefore = store.LoadTrials(study.Id).Count(t => t.IsFinished);
        _winnerModel = new WinnerModel(study.Config.HigherIsBetter);
    }

    public StudyInfo Study { get; }

    public IStudyStore Store { get; }

    public StudyPlan Plan { get; }

    /// <summary>
    /// When this run's search stops at the latest: with a time budget, early enough for the least outputs to be written within it; it
    /// stops sooner when what follows it is expected to take longer (<see cref="OutputTimePlan.SearchTimeGiven"/>).
    /// </summary>
    public Budget Budget { get; }

    /// <summary>Finished trials the study held when it was opened.</summary>
    public int TrialsBefore { get; }

    /// <summary>Training rows from which trials start on row subsamples (<see cref="RowRungs"/>); lowered only by tests.</summary>
    internal int BigDataRows { get; init; } = RowRungs.BigDataRows;

    /// <summary>Where <see cref="WriteOutputs"/> writes.</summary>
    public string OutDirectory { get; }

    /// <summary>The data file the trials train on.</summary>
    public string DataPath => _prepared.Data.Path;

    /// <summary>One line on what is searched: the study, its data, its metric and store.</summary>
    public string Description =>
        $"Study '{Study.Name}': {Study.Config.Task} on '{DataPath}' ({_prepared.Data.Rows} rows, {_prepared.Data.Columns.Count} columns -> {Study.Config.FeatureColumns} features), " +
        $"ranking by validation {Study.Config.Metric}, {TrialsBefore} trials already done; store {Store.Location}";

    /// <param name="stopWaiting">Cancelled (Ctrl+C), ends any wait for an unreachable PostgreSQL store at once; pass the run's token.</param>
    /// <exception cref="UserInputException">An option, the data or the store is not usable, or the study exists with other settings.</exception>
    public static TuningSession Open(StudyOptions options, StudyComponents? components = null, ILogger? logger = null, CancellationToken stopWaiting = default)
    {
        components ??= new StudyComponents();
        var requested = Budget.Parse(options.TimeSeconds, options.Trials, options.Target);
        RequireParallel(options.Parallel);
        if (options.Folds is < 2) throw new UserInputException($"--folds {options.Folds} must be 2 or more (or leave it out for a holdout split).");
        if (options.ValidationData is not null && options.Folds > 1)
            throw new UserInputException("--folds and --validation-data exclude each other; give one of them.");
        if (!(options.HeartbeatTimeoutSeconds > 0) || !double.IsFinite(options.HeartbeatTimeoutSeconds))
            throw new UserInputException($"--heartbeat-timeout {options.HeartbeatTimeoutSeconds} must be a positive number of seconds, e.g. --heartbeat-timeout 60.");
        var maxOutage = PostgresRetry.OutageTimeout(options.OutageTimeoutSeconds);
        if (string.IsNullOrWhiteSpace(options.Data) || string.IsNullOrWhiteSpace(options.Label))
            throw new UserInputException("A study needs its data file and label column (--data and --label).");
        OutputPaths.Directory(options.OutDirectory, "--out");
        if (components.Store is null && !StoredStudy.IsShared(options.StoragePath)) OutputPaths.File(options.StoragePath, "--storage");

        var data = DatasetLoader.Load(new DataOptions(options.Data, options.Label, options.Task, options.IgnoreColumns, options.PositiveClass, options.Cells));
        var validation = options.ValidationData is null ? null : DatasetLoader.LoadValidation(options.ValidationData, data);
        var task = data.Label.Task;
        var metric = MetricInfo.Find(task, options.Metric ?? MetricInfo.DefaultFor(task))
            ?? throw new UserInputException(
                $"--metric '{options.Metric}' is not a {task.ToString().ToLowerInvariant()} metric; choose from {string.Join(", ", MetricInfo.For(task).Select(m => m.Name))}.");
        var space = components.Space ?? SpaceSelection.Select(options.SpacePath, options.Trainers, task);
        if (components.Space is not null) SearchSpaceValidator.Validate(space, task, "the search space passed in StudyComponents");
        var context = new SearchContext(space, options.Seed, metric.HigherIsBetter, TimeBudget: requested.Time is not null);
        var sampler = components.Sampler?.Invoke(context) ?? SamplerFactory.Create(options.Sampler, space, options.Seed, metric.HigherIsBetter, context.TimeBudget);
        var pruner = components.Pruner?.Invoke(context) ?? PrunerFactory.Create(options.Pruner, metric.HigherIsBetter);

        var featurizing = System.Diagnostics.Stopwatch.StartNew();
        var prepared = DataPreparation.Prepare(new MLContext(options.Seed), data, validation, options.Folds ?? 1, options.Seed);
        featurizing.Stop();
        // The file's text and the featurizer's buffers are garbage now; compacting hands their memory back
        // before the trials allocate theirs, so the peak stays near the matrices' size.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        var timePlan = new OutputTimePlan(requested.Time) { Featurizing = featurizing.Elapsed, Folds = prepared.Folds.Count, ExportBesideSizeCurve = options.Parallel > 1 };
        var budget = requested with { Time = timePlan.LongestSearchTime };
        var config = new StudyConfig(
            Path.GetFullPath(options.Data), options.ValidationData is null ? null : Path.GetFullPath(options.ValidationData),
            DatasetLoader.Fingerprint(data, validation), options.Label, task.ToString().ToLowerInvariant(),
            metric.Name, metric.HigherIsBetter, options.Seed, options.Folds ?? 1, options.IgnoreColumns, data.Label.Classes,
            data.Label.PositiveClass, data.Rows, prepared.Folds[0].Training.Features.Columns, prepared.Featurization,
            space.Trainers.Select(t => t.Trainer).ToList(), space.Json,
            data.Label.Classes.Select((_, c) => data.Labels.Count(l => l == c)).ToList(), data.Format.TextMissing);

        var store = components.Store ?? StoredStudy.OpenStore(options.StoragePath, logger, maxOutage, stopWaiting);
        try
        {
            var study = OpenStudy(store, options.StudyName, config);
            if (store.IsShared) StudyDataFiles.Upload(store, study);
            var plan = new StudyPlan(components.Sampler is null ? options.Sampler : "custom", components.Pruner is null ? options.Pruner : "custom",
                budget.Trials, DateTimeOffset.UtcNow + budget.Time, budget.Target, options.HeartbeatTimeoutSeconds);
            store.SetPlan(study.Id, plan);
            var abandoned = AbandonedTrials.GiveUp(store, study.Id, plan.HeartbeatTimeout);
            if (abandoned > 0) logger?.LogWarning("{Count} trial(s) left running by stopped workers were marked interrupted", abandoned);
            return new TuningSession(prepared, store, components.Store is null, study, plan, budget, timePlan, sampler, pruner, options.Parallel, options.OutDirectory, logger)
            {
                BigDataRows = options.BigDataRows,
            };
        }
        catch
        {
            if (components.Store is null) store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Joins a study another process created in a shared store (`tuner worker`): its data (the local file, or the
    /// copy in the store, kept under <paramref name="dataCache"/>), space, sampler, pruner and budget all come from the store.
    /// The server may be unreachable for <paramref name="outageTimeoutSeconds"/> at a time (default: ten minutes), unless
    /// <paramref name="stopWaiting"/> is cancelled first.
    /// </summary>
    public static TuningSession Join(string storage, string studyName, int parallel, string? dataCache = null, ILogger? logger = null,
        double? outageTimeoutSeconds = null, CancellationToken stopWaiting = default)
    {
        RequireParallel(parallel);
        var maxOutage = PostgresRetry.OutageTimeout(outageTimeoutSeconds ?? PostgresRetry.DefaultMaxOutage.TotalSeconds);
        var (store, study) = StoredStudy.Open(storage, studyName, logger, maxOutage, stopWaiting);
        try
        {
            var plan = study.Plan ?? throw new UserInputException(
                $"Study '{study.Name}' in {store.Location} has no stored budget (it was created by an older tuner); run `tuner tune` on it once, then start workers.");
            var (dataPath, validationPath) = StudyDataFiles.Locate(store, study, dataCache ?? StudyDataFiles.CacheDirectory);
            var prepared = StudyDataReload.Prepare(study.Config, dataPath, validationPath);
            var space = SpaceSelection.FromStudy(study.Config);
            var sampler = SamplerFactory.Create(plan.Sampler, space, study.Config.Seed, study.Config.HigherIsBetter, timeBudget: plan.Deadline is not null);
            var pruner = PrunerFactory.Create(plan.Pruner, study.Config.HigherIsBetter);
            return new TuningSession(prepared, store, ownsStore: true, study, plan, plan.BudgetAt(DateTimeOffset.UtcNow), new OutputTimePlan(null), sampler, pruner, parallel,
                StoredStudy.OutputDirectory(storage, studyName), logger);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Reads a study from a store (an SQLite file or a PostgreSQL connection string) without running it.</summary>
    public static StudyOutcome Read(string storage, string studyName)
    {
        var (store, study) = StoredStudy.Open(storage, studyName);
        using (store)
        {
            var ranked = Ranking.Rank(store.LoadTrials(study.Id), study.Config.HigherIsBetter);
            var winner = WinnerReevaluation.Winner(ranked, WinnerReevaluation.Load(store, study.Id), study.Config.HigherIsBetter);
            return new StudyOutcome(study, ranked, winner, [])
            {
                TiedWithBest = TiesWithBest.Of(ranked, store.LoadReplicates(study.Id), study.Config.HigherIsBetter),
            };
        }
    }

    /// <summary>Searches, then writes the outputs (<see cref="WriteOutputs"/>).</summary>
    public async Task<StudyOutcome> RunAsync(IStudyProgress? progress = null, CancellationToken cancellationToken = default)
    {
        await SearchAsync(progress, cancellationToken);
        return WriteOutputs(cancellationToken);
    }

    /// <summary>Runs trials until the budget is spent or the token is cancelled; each trial's start and end go to <paramref name="progress"/>.</summary>
    public async Task SearchAsync(IStudyProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _deadline ??= DateTimeOffset.UtcNow + _timePlan.Total;
        var runner = new StudyRunner(Store, Study, _prepared, _sampler, _pruner, _parallel, Plan.HeartbeatTimeout, progress ?? SilentProgress.Instance, _logger, BigDataRows, _winnerModel);
        await runner.RunAsync(Budget, cancellationToken, _timePlan.Total is null ? null : SearchTimeGiven);
        _searchTime += clock.Elapsed;
    }

    /// <summary>What this run's search may take, given the study's trials so far (<see cref="OutputTimePlan.SearchTimeGiven"/>).</summary>
    private TimeSpan? SearchTimeGiven(IReadOnlyList<TrialRecord> trials)
    {
        var higherIsBetter = Study.Config.HigherIsBetter;
        var reevaluation = WinnerReevaluation.ExpectedTime(trials, _prepared, higherIsBetter, _parallel, _timePlan.Featurizing);
        var best = Ranking.Best(trials, higherIsBetter);
        var winnerSeconds = (best?.DurationSeconds ?? 0) / _prepared.Folds.Count;
        return _timePlan.SearchTimeGiven(reevaluation, winnerSeconds, trials.Count, best is not null && _winnerModel.Of(best.Number) is not null);
    }

    /// <summary>
    /// Writes leaderboard.csv; once a trial is complete re-evaluates the best configurations on fresh folds (unless
    /// cancelled; <see cref="WinnerReevaluation"/>), then writes best.json of the winner, its learning curve by
    /// training-set size (unless cancelled), report.html, and model.zip with Consumption.cs when the winner can be exported.
    /// </summary>
    /// <exception cref="UserInputException">The disk the outputs go to is full.</exception>
    public StudyOutcome WriteOutputs(CancellationToken cancellationToken = default)
    {
        try
        {
            return WriteOutputsTo(OutDirectory, cancellationToken);
        }
        catch (IOException e) when (DiskFull.Is(e, OutDirectory))
        {
            throw DiskFull.Explain(e);
        }
    }

    private StudyOutcome WriteOutputsTo(string directory, CancellationToken cancellationToken)
    {
        var ranked = Ranking.Rank(Store.LoadTrials(Study.Id), Study.Config.HigherIsBetter);
        var tied = TiesWithBest.Of(ranked, Store.LoadReplicates(Study.Id), Study.Config.HigherIsBetter);
        var leaderboard = Path.Combine(directory, "leaderboard.csv");
        LeaderboardCsv.Write(leaderboard, ranked, tied);
        var rowRungs = RowRungs.Load(Store, Study.Id) is { } rungs ? RowRungs.Summarize(rungs, ranked).Text : null;
        if (Ranking.Best(ranked, Study.Config.HigherIsBetter) is null)
            return new StudyOutcome(Study, ranked, null, [leaderboard]) { TiedWithBest = tied, RowRungSummary = rowRungs };

        var reevaluation = cancellationToken.IsCancellationRequested ? null : Reevaluate(ranked, tied, cancellationToken);
        var best = WinnerReevaluation.Winner(ranked, reevaluation, Study.Config.HigherIsBetter)!;
        var settings = BestSettings.From(Study, best, _prepared.Plan, WinnerReevaluation.WinnerMetrics(best, reevaluation, Study.Config.Metric));
        var bestJson = Path.Combine(directory, "best.json");
        settings.Save(bestJson);
        // Both train the winner on their own: with cores for parallel trials and memory for a second fit, the export takes
        // one core while the curve takes another.
        var plan = _timePlan with { ExportBesideSizeCurve = _timePlan.ExportBesideSizeCurve && SecondFitFits(best) };
        var trained = _winnerModel.Of(best.Number);
        var exporting = plan.ExportBesideSizeCurve ? Task.Run(() => ModelExporter.Export(_prepared, settings, directory, trained)) : null;
        var report = Path.Combine(directory, "report.html");
        string? verdict;
        try
        {
            verdict = cancellationToken.IsCancellationRequested ? null : MeasureSizeCurve(plan, best, ranked.Count, cancellationToken);
            StudyReport.Write(ReportDataBuilder.Build(Store, Study), report);
        }
        finally
        {
            // Never left running past a failure here (a full disk): a process that exits while ONNX Runtime works aborts.
            ((IAsyncResult?)exporting)?.AsyncWaitHandle.WaitOne();
        }

        var model = exporting?.GetAwaiter().GetResult() ?? ModelExporter.Export(_prepared, settings, directory, trained);
        return new StudyOutcome(Study, ranked, best, [leaderboard, bestJson, report, .. model.Files], verdict, model.Message)
        {
            TiedWithBest = tied,
            ReevaluationSummary = reevaluation is null ? null : Reports.Html.ReevaluationSection.Summary(reevaluation, Study.Config.Metric),
            RowRungSummary = rowRungs,
        };
    }

    /// <summary>Re-evaluates the best configurations within the budget's share for it and stores the result (an empty one when skipped).</summary>
    private Reevaluation? Reevaluate(IReadOnlyList<TrialRecord> ranked, IReadOnlySet<int> tied, CancellationToken cancellationToken)
    {
        Reevaluation? reevaluation = null;
        if (!WinnerReevaluation.FitsInMemory(_prepared, MemoryLeft()))
            _logger?.LogWarning("Not enough memory left to re-evaluate the best configurations on {Folds} fresh folds of all the rows; the winner is the search's best, and its score may be optimistic",
                WinnerReevaluation.FreshFolds);
        else
        {
            try
            {
                reevaluation = WinnerReevaluation.Run(_prepared, WinnerReevaluation.Candidates(ranked, tied), Study.Config, _parallel,
                    _timePlan.ReevaluationAllowance(_deadline is { } deadline ? deadline - DateTimeOffset.UtcNow : TimeSpan.Zero),
                    _timePlan.Featurizing, cancellationToken);
                if (reevaluation is null)
                    _logger?.LogWarning("No time left in the budget to re-evaluate the best configurations on fresh folds; the winner is the search's best, and its score may be optimistic");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _logger?.LogWarning("Interrupted: the best configurations were not re-evaluated");
            }
        }

        WinnerReevaluation.Save(Store, Study.Id, reevaluation ?? new Reevaluation(0, 0, Study.Config.HigherIsBetter, []));
        return reevaluation;
    }

    /// <summary>The winner's learning curve by training-set size, stored with the study for its reports; returns its verdict.</summary>
    private string? MeasureSizeCurve(OutputTimePlan plan, TrialRecord best, int trials, CancellationToken cancellationToken)
    {
        var left = _deadline is { } deadline ? deadline - DateTimeOffset.UtcNow : TimeSpan.Zero;
        var allowance = plan.SizeCurveAllowance(_searchTime, left, best.DurationSeconds ?? 0, trials);
        if (allowance == TimeSpan.Zero)
        {
            _logger?.LogWarning("No time left in the budget for the winner's learning curve by training-set size; it was not measured");
            return null;
        }

        try
        {
            var points = SizeCurve.Measure(_prepared, best, Study.Config.Metric, Study.Config.Seed, allowance, cancellationToken);
            SizeCurve.Save(Store, Study.Id, points);
            return MetricInfo.Find(_prepared.Task, Study.Config.Metric) is { } metric ? Reports.Diagnosis.SizeVerdict.Judge(points, metric)?.Text : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger?.LogWarning("Interrupted: the learning curve by training-set size was not measured");
            return null;
        }
    }

    /// <summary>Whether the memory left holds a second fit of the winner (its trainer's expected need, as the trials' memory gate reckons it).</summary>
    private bool SecondFitFits(TrialRecord best) =>
        new TrialMemoryNeeds(_prepared.Folds[0].Training.Features.Bytes, Environment.WorkingSet).Expected(best.Trainer) <= MemoryLeft();

    /// <summary>The memory available to the process (physical memory or a container's limit) less its resident set.</summary>
    private static long MemoryLeft() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - Environment.WorkingSet;

    private static void RequireParallel(int parallel)
    {
        if (parallel < 1) throw new UserInputException($"--parallel {parallel} must be at least 1.");
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

    public void Dispose()
    {
        if (_ownsStore) Store.Dispose();
    }
}
