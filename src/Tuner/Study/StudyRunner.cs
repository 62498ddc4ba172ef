using Tuner.Data;
using Tuner.Search;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Runs a study's trials until its budget is spent: <c>parallel</c> workers each take a proposal, run it
/// and record it. Proposing and claiming a trial happen under one lock, so no two workers run the same
/// configuration and every trial is recorded once. Cancellation (Ctrl+C or the time budget) stops the
/// running trials, which are recorded as failed with the reason.
/// </summary>
public sealed class StudyRunner(IStudyStore store, StudyInfo study, StudyData data, ISampler sampler, int parallel, IStudyProgress progress)
{
    private readonly Lock _gate = new();

    public async Task RunAsync(Budget budget, CancellationToken cancellationToken)
    {
        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (budget.Time is { } time) timeLimit.CancelAfter(time);
        var executor = new TrialExecutor(data, store, study.Config.Metric, study.Config.Seed);
        var workers = Enumerable.Range(0, Math.Max(1, parallel))
            .Select(_ => Task.Factory.StartNew(() => Work(executor, budget, timeLimit.Token, cancellationToken), TaskCreationOptions.LongRunning))
            .ToArray();
        await Task.WhenAll(workers);
    }

    private void Work(TrialExecutor executor, Budget budget, CancellationToken stop, CancellationToken interrupted)
    {
        while (!stop.IsCancellationRequested)
        {
            TrialRecord trial;
            lock (_gate)
            {
                var history = store.LoadTrials(study.Id);
                if (budget.Trials is { } limit && history.Count(t => t.IsFinished || t.State == TrialState.Running) >= limit) return;
                var next = history.Count == 0 ? 0 : history.Max(t => t.Number) + 1;
                trial = store.StartTrial(study.Id, sampler.Propose(next, history));
            }

            progress.TrialStarted(trial);
            TrialResult result;
            try
            {
                result = executor.Run(trial, stop);
            }
            catch (OperationCanceledException)
            {
                var reason = TrialRecord.CancelledPrefix + (interrupted.IsCancellationRequested ? " interrupted by the user" : " time budget spent");
                result = new TrialResult(TrialState.Failed, null, new Dictionary<string, double>(), (DateTimeOffset.UtcNow - trial.Started).TotalSeconds, 0, reason);
            }

            store.FinishTrial(trial.Id, result);
            var best = Ranking.Best(store.LoadTrials(study.Id), study.Config.HigherIsBetter);
            progress.TrialFinished(trial, result, best);
        }
    }
}
