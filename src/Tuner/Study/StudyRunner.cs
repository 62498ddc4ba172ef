using Tuner.Data;
using Tuner.Search;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Runs a study's trials until its budget is spent: <c>parallel</c> workers each take a proposal, run it
/// and record it. Proposing and claiming a trial happen under one lock, so no two workers run the same
/// configuration and every trial is recorded once. Configurations left unfinished by an earlier run are
/// retried first. Cancellation (Ctrl+C, the time budget, the target reached) stops the running trials,
/// which are recorded as failed with the reason and retried by the next run.
/// </summary>
public sealed class StudyRunner(IStudyStore store, StudyInfo study, StudyData data, ISampler sampler, IPruner pruner, int parallel, IStudyProgress progress)
{
    private readonly Lock _gate = new();

    public async Task RunAsync(Budget budget, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget.Time is { } time) stop.CancelAfter(time);
        var board = LoadCurves();
        var executor = new TrialExecutor(data, store, study.Config.Metric, study.Config.Seed, pruner, board);
        var workers = Enumerable.Range(0, Math.Max(1, parallel))
            .Select(_ => Task.Factory.StartNew(() => Work(executor, budget, stop, cancellationToken), TaskCreationOptions.LongRunning))
            .ToArray();
        await Task.WhenAll(workers);
    }

    private void Work(TrialExecutor executor, Budget budget, CancellationTokenSource stop, CancellationToken interrupted)
    {
        while (!stop.IsCancellationRequested)
        {
            TrialRecord trial;
            lock (_gate)
            {
                var history = store.LoadTrials(study.Id);
                if (budget.Trials is { } limit && history.Count(t => !t.IsRetryable) >= limit) return;
                if (sampler is IFiniteSampler finite && finite.IsExhausted(history)) return;
                var next = history.Count == 0 ? 0 : history.Max(t => t.Number) + 1;
                trial = store.StartTrial(study.Id, Retries.Next(history) ?? sampler.Propose(next, history));
            }

            progress.TrialStarted(trial);
            TrialResult result;
            try
            {
                result = executor.Run(trial, stop.Token);
            }
            catch (OperationCanceledException)
            {
                var reason = interrupted.IsCancellationRequested ? "interrupted by the user"
                    : budget.Time is not null && !TargetReached(budget) ? "time budget spent" : "target reached by another trial";
                result = new TrialResult(TrialState.Failed, null, new Dictionary<string, double>(),
                    (DateTimeOffset.UtcNow - trial.Started).TotalSeconds, 0, $"{TrialRecord.CancelledPrefix} {reason}");
            }

            store.FinishTrial(trial.Id, result);
            var best = Ranking.Best(store.LoadTrials(study.Id), study.Config.HigherIsBetter);
            progress.TrialFinished(trial, result, best);
            if (budget.TargetReached(best?.Value, study.Config.HigherIsBetter)) stop.Cancel();
        }
    }

    private bool TargetReached(Budget budget) =>
        budget.TargetReached(Ranking.Best(store.LoadTrials(study.Id), study.Config.HigherIsBetter)?.Value, study.Config.HigherIsBetter);

    private CurveBoard LoadCurves()
    {
        var board = new CurveBoard();
        foreach (var trial in store.LoadTrials(study.Id))
            foreach (var step in store.LoadSteps(trial.Id))
                board.Record(trial.Number, trial.Trainer, step.Epoch, step.ValidationMetric);
        return board;
    }
}
