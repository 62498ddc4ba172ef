using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tuner.Data;
using Tuner.Search;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Runs trials of a study until its budget is spent: <c>parallel</c> workers each claim a proposal, run it
/// and record it. The study may be shared with other processes on other machines (each one runner):
/// proposals come from the shared history, which includes everyone's running trials, and claiming trial
/// number n succeeds only if no one else took it, so a proposal is always made from every trial numbered
/// below it and no configuration is claimed twice. Configurations left unfinished (a stopped run, a dead
/// worker) are retried first. Cancellation (Ctrl+C, the time budget, the target reached) stops the running
/// trials, which are recorded as cancelled with the reason and retried later, except one the budget or the target
/// cut short after some epochs, which keeps what it trained (<see cref="TrialResult.CutShortTo"/>). A store that becomes unusable
/// (<see cref="StoreUnavailableException"/>: a full disk, a lock held elsewhere, a server down too long) stops
/// the study at once and is rethrown; trials still running then stay as they are stored, and the next run
/// gives them up as interrupted and runs their configurations first.
/// </summary>
internal sealed class StudyRunner(
    IStudyStore store, StudyInfo study, StudyData data, ISampler sampler, IPruner pruner, int parallel, TimeSpan heartbeatTimeout,
    IStudyProgress progress, ILogger? logger = null, int bigDataRows = RowRungs.BigDataRows, WinnerModel? winnerModel = null)
{
    private static readonly TimeSpan WaitForOthers = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the search time is checked while trials run, besides after every trial.</summary>
    private static readonly TimeSpan SearchTimeCheck = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<long, bool> _running = new();
    private readonly ConcurrentDictionary<long, bool> _own = new();
    private readonly StudyHistory _history = new(store, study.Id);
    private readonly CurveBoard _board = new();
    private readonly MemoryGate _memory = MemoryGate.ForProcess(data.Folds[0].Training.Features.Bytes);
    private ForeignCurves? _curves;
    private StoreUnavailableException? _storeFault;
    private long _lastContact = Stopwatch.GetTimestamp();
    private long _judgeSilenceFrom;
    private readonly Stopwatch _clock = new();
    private Func<IReadOnlyList<TrialRecord>, TimeSpan?>? _searchTime;

    /// <param name="searchTime">
    /// When given, what the search may take for the study as it stands (asked after every trial, every
    /// <see cref="SearchTimeCheck"/> and before every proposal), within the budget's own time: a time budget that keeps
    /// room for what follows the search.
    /// </param>
    public async Task RunAsync(Budget budget, CancellationToken cancellationToken, Func<IReadOnlyList<TrialRecord>, TimeSpan?>? searchTime = null)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _clock.Restart();
        _searchTime = searchTime;
        if (budget.Time is { } time) stop.CancelAfter(time);
        _curves = new ForeignCurves(store, _board);
        lock (_gate) Sync();
        var rungs = RowRungs.For(data.Folds[0].Training.Rows, pruner, bigDataRows);
        if (rungs is not null) RowRungs.Save(store, study.Id, rungs);
        var executor = new TrialExecutor(data, store, study.Config.Metric, study.Config.Seed, pruner, _board, rungs, winnerModel,
            () => SearchTimeLeftOnceAnyComplete(budget));
        using var heartbeats = new Heartbeats(heartbeatTimeout, () => Tick(budget, stop), logger);
        using var searchClock = searchTime is null ? null : Heartbeats.Every(SearchTimeCheck, () => { lock (_gate) StopWhenSearchTimeIsUp(stop); }, logger);
        var workers = Enumerable.Range(0, Math.Max(1, parallel))
            .Select(_ => Task.Factory.StartNew(() => WorkUntilStoreFault(executor, budget, stop, cancellationToken), TaskCreationOptions.LongRunning))
            .ToArray();
        await Task.WhenAll(workers);
        if (_storeFault is { } fault) throw fault;
    }

    private void WorkUntilStoreFault(TrialExecutor executor, Budget budget, CancellationTokenSource stop, CancellationToken interrupted)
    {
        try
        {
            Work(executor, budget, stop, interrupted);
        }
        catch (StoreUnavailableException e)
        {
            StopOn(e, stop);
        }
    }

    /// <summary>Keeps the first store fault and stops every worker: the others' writes would only wait for the same store.</summary>
    private void StopOn(StoreUnavailableException fault, CancellationTokenSource stop)
    {
        Interlocked.CompareExchange(ref _storeFault, fault, null);
        stop.Cancel();
    }

    private void Work(TrialExecutor executor, Budget budget, CancellationTokenSource stop, CancellationToken interrupted)
    {
        var cycle = new Stopwatch();
        while (!stop.IsCancellationRequested)
        {
            cycle.Restart();
            var (trial, done) = Claim(budget, stop);
            if (done) return;
            if (trial is null)
            {
                // The budget is taken up by trials still running elsewhere: wait for them to finish or be given up.
                stop.Token.WaitHandle.WaitOne(WaitForOthers);
                continue;
            }

            progress.TrialStarted(trial);
            TrialResult result;
            try
            {
                using var admitted = _memory.Admit(trial.Trainer, stop.Token);
                result = executor.Run(trial, stop.Token);
                admitted.Finished(result.PeakMemoryBytes);
                // What a budget cut short is kept; what the user interrupted runs again, as every interrupted trial does.
                if (result.CutShortTo is not null && interrupted.IsCancellationRequested) throw new OperationCanceledException(interrupted);
            }
            catch (OperationCanceledException)
            {
                var reason = interrupted.IsCancellationRequested ? "interrupted by the user"
                    : budget.Time is not null && !TargetReached(budget) ? "time budget spent" : "target reached by another trial";
                result = new TrialResult(TrialState.Cancelled, null, new Dictionary<string, double>(),
                    (DateTimeOffset.UtcNow - trial.Started).TotalSeconds, 0, reason);
            }

            if (_storeFault is not null) return;
            if (!store.FinishTrial(trial.Id, result))
            {
                logger?.LogWarning("Trial {Number} was given up by the study (no heartbeat reached it in time); its result is dropped and its configuration retried", trial.Number);
                result = result with { State = TrialState.Interrupted, Error = "given up after missed heartbeats; result dropped" };
            }

            _running.TryRemove(trial.Id, out _);
            TrialRecord? best;
            lock (_gate)
            {
                best = Ranking.Best(Sync(), study.Config.HigherIsBetter);
                StopWhenSearchTimeIsUp(stop);
            }
            sampler.ObserveOverhead(cycle.Elapsed - TimeSpan.FromSeconds(result.DurationSeconds));
            progress.TrialFinished(trial, result, best);
            if (budget.TargetReached(best?.Value, study.Config.HigherIsBetter)) stop.Cancel();
        }
    }

    /// <summary>The next trial to run, or none for now (others' running trials fill the budget), or done.</summary>
    private (TrialRecord? Trial, bool Done) Claim(Budget budget, CancellationTokenSource stop)
    {
        lock (_gate)
        {
            while (true)
            {
                var history = Sync();
                if (TargetReached(budget))
                {
                    stop.Cancel();
                    return (null, true);
                }

                var (settled, running) = (0, 0);
                foreach (var t in history)
                {
                    if (t.State == TrialState.Running) running++;
                    else if (!t.IsRetryable) settled++;
                }

                if (budget.Trials is { } limit && settled + running >= limit) return (null, settled >= limit);
                if (sampler is IFiniteSampler finite && finite.IsExhausted(history)) return (null, running == 0);

                var number = history.Count == 0 ? 0 : history[^1].Number + 1;
                if (budget.Time is { } time) sampler.ObserveTimeLeft(SearchTimeLeft(time, history));
                var proposal = Retries.Next(history) ?? sampler.Propose(number, history);
                if (store.TryStartTrial(study.Id, number, proposal, WorkerIdentity.Current) is { } trial)
                {
                    _own[trial.Id] = true;
                    _running[trial.Id] = true;
                    return (trial, false);
                }

                // Another worker took this number first: read its claim and propose again.
            }
        }
    }

    /// <summary>Beats for this process's running trials, gives up abandoned ones, and catches up with the study; a store fault stops the study.</summary>
    private void Tick(Budget budget, CancellationTokenSource stop)
    {
        if (_storeFault is not null) return;
        try
        {
            Beat(budget, stop);
        }
        catch (StoreUnavailableException e)
        {
            StopOn(e, stop);
        }
    }

    private void Beat(Budget budget, CancellationTokenSource stop)
    {
        store.Heartbeat(_running.Keys.ToList());
        var failed = AbandonedTrials.GiveUpGone(store, study.Id);
        // That call always reaches the store. Cut off from it for longer than the timeout (an outage), this process was
        // most likely not alone: the other workers get a full timeout, plus the longest wait between two retries, to
        // reconnect before their silence counts. Otherwise the first worker back would give up every other one's trials.
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastContact, now) > heartbeatTimeout)
            _judgeSilenceFrom = now + (long)((heartbeatTimeout + PostgresRetry.LongestDelay).TotalSeconds * Stopwatch.Frequency);
        _lastContact = now;
        if (now >= _judgeSilenceFrom) failed += AbandonedTrials.GiveUpSilent(store, study.Id, heartbeatTimeout);
        if (failed > 0) logger?.LogWarning("{Count} trial(s) of stopped workers were given up; their configurations will be retried", failed);
        lock (_gate)
        {
            Sync();
            if (TargetReached(budget)) stop.Cancel();
        }
    }

    /// <summary>Call under the gate.</summary>
    private void StopWhenSearchTimeIsUp(CancellationTokenSource stop)
    {
        if (_searchTime?.Invoke(_history.Trials) is { } time && _clock.Elapsed >= time) stop.Cancel();
    }

    /// <summary>
    /// The search's time left under a time budget once a trial is complete; before that, null: the first complete trial is
    /// the study's result, and a trial the budget cuts short may still be one (<see cref="TrialResult.CutShortTo"/>).
    /// </summary>
    private TimeSpan? SearchTimeLeftOnceAnyComplete(Budget budget)
    {
        if (budget.Time is not { } time) return null;
        lock (_gate)
            return _history.Trials.Any(t => t.State == TrialState.Complete) ? SearchTimeLeft(time, _history.Trials) : null;
    }

    private TimeSpan SearchTimeLeft(TimeSpan budgetTime, IReadOnlyList<TrialRecord> history)
    {
        var time = _searchTime?.Invoke(history) is { } given && given < budgetTime ? given : budgetTime;
        return time - _clock.Elapsed;
    }

    /// <summary>Reads what changed in the study, including other workers' curves. Call under the gate.</summary>
    private IReadOnlyList<TrialRecord> Sync()
    {
        var changed = _history.Sync();
        _curves!.Track(changed, _own.ContainsKey);
        _curves.Refresh();
        return _history.Trials;
    }

    private bool TargetReached(Budget budget) =>
        budget.Target is not null && budget.TargetReached(Ranking.Best(_history.Trials, study.Config.HigherIsBetter)?.Value, study.Config.HigherIsBetter);
}
