using System.Diagnostics;
using Tuner.Data;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// Runs one trial: trains on every fold, reports the first fold's per-epoch curve to the store (in
/// batches, see <see cref="StepBuffer"/>) and the pruner (which may stop it), scores
/// training and validation rows, and turns the outcome into a <see cref="TrialResult"/>. When the first fold has
/// many training rows, that fold is first trained on growing prefixes of them, each judged by the pruner against the
/// other trials at the same rung (<see cref="RowRungs"/>), before its fit on all of them. With one fold, a fit on all the
/// rows that the time budget cuts short after some epochs ends the trial complete with what it had
/// (<see cref="CutShortException"/>; the runner turns it back into a cancellation if the user interrupted). A trainer that
/// throws (out of memory included) fails only its own trial; a store that cannot take the curve is the
/// study's problem, not the trial's, and goes up to the runner.
/// </summary>
/// <param name="searchTimeLeft">
/// What the search has left, or null while there is no limit to respect (no time budget, or no complete trial yet): a
/// trial whose next row rung would not finish in it is stopped before that fit instead of being cancelled during it.
/// </param>
internal sealed class TrialExecutor(StudyData data, IStudyStore store, string metric, int studySeed, IPruner pruner, CurveBoard board,
    RowRungs? rungs = null, WinnerModel? winnerModel = null, Func<TimeSpan?>? searchTimeLeft = null)
{
    private readonly TrialUncertainty _uncertainty = new(metric, studySeed, data.Folds[0].Validation.Rows);

    /// <summary>Every trial's validation metric at the row rungs below all the rows, apart from the epochs' board.</summary>
    private readonly CurveBoard _rungBoard = new();

    public TrialResult Run(TrialRecord trial, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var memory = new MemorySampler();
        try
        {
            var parameters = trial.Parameters.WithSeed(TrialSeed(studySeed, trial));
            var folds = new List<Dictionary<string, double>>();
            ScoreReplicates? replicates = null;
            if (rungs is not null && SmallRungs(trial, parameters, cancellationToken) is { } stopped)
                return stopped with { DurationSeconds = clock.Elapsed.TotalSeconds, PeakMemoryBytes = memory.PeakBytes };
            HyperParameters? cutShortTo = null;
            string? note = null;
            ITrainedModel? firstFoldModel = null;
            foreach (var fold in data.Folds)
            {
                TrainingOutcome outcome;
                string? pruned;
                try
                {
                    (outcome, pruned) = TrainFold(trial, fold, parameters, cancellationToken);
                }
                catch (CutShortException cut) when (data.Folds.Count == 1)
                {
                    (outcome, pruned) = (cut.Outcome, null);
                    cutShortTo = new HyperParameters(trial.Parameters.Values.SetItem(cut.Reproducing.Key, cut.Reproducing.Value));
                    note = $"cut short by the time budget ({cut.Outcome.Message}); recorded with {cut.Reproducing.Key}={HyperParameters.Format(cut.Reproducing.Value)}, what it trained";
                }

                if (outcome.Status != TrainingStatus.Completed)
                {
                    var state = outcome.Status == TrainingStatus.Diverged ? TrialState.Diverged : TrialState.Pruned;
                    var message = outcome.Status == TrainingStatus.Stopped ? pruned ?? outcome.Message : outcome.Message;
                    return new TrialResult(state, null, new Dictionary<string, double>(), clock.Elapsed.TotalSeconds, memory.PeakBytes, message);
                }

                firstFoldModel ??= outcome.Model;
                var predictions = outcome.Model.Predict(fold.Validation.Features);
                folds.Add(TrialMetrics.ForFold(outcome.Model, fold.Training, fold.Validation, predictions));
                if (data.Folds.Count == 1) replicates = _uncertainty.Bootstrap(fold.Validation, predictions);
            }

            var metrics = TrialMetrics.Combine(folds);
            var value = metrics[$"valid_{metric}"];
            replicates ??= _uncertainty.Folds(folds);
            if (double.IsFinite(value))
            {
                _uncertainty.AddInterval(metrics, replicates);
                winnerModel?.Offer(trial.Number, value, firstFoldModel!);
            }

            return double.IsFinite(value)
                ? new TrialResult(TrialState.Complete, value, metrics, clock.Elapsed.TotalSeconds, memory.PeakBytes, note) { Replicates = replicates, CutShortTo = cutShortTo }
                : new TrialResult(TrialState.Diverged, null, metrics, clock.Elapsed.TotalSeconds, memory.PeakBytes, $"validation {metric} is not a number");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DivergenceException e)
        {
            return new TrialResult(TrialState.Diverged, null, new Dictionary<string, double>(), clock.Elapsed.TotalSeconds, memory.PeakBytes, e.Message);
        }
        catch (Exception e) when (e is not StoreUnavailableException)
        {
            return new TrialResult(TrialState.Failed, null, new Dictionary<string, double>(), clock.Elapsed.TotalSeconds, memory.PeakBytes,
                $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Trains the first fold on each row rung below all the rows, unreported, and asks the pruner after each; returns the
    /// trial's end (without its duration and memory) if it stops there, or null to go on to all the rows. A rung is
    /// validated on as many validation rows as it trains on (a random sample: validation rows lie in a seeded random
    /// order too), the same rows for every trial, so that scoring, and a trainer's per-epoch or per-round curve, does not
    /// cost a small fit several times its training.
    /// </summary>
    private TrialResult? SmallRungs(TrialRecord trial, HyperParameters parameters, CancellationToken cancellationToken)
    {
        var fold = data.Folds[0];
        var clock = new Stopwatch();
        for (var rung = 0; rung < rungs!.Rows.Count - 1; rung++)
        {
            clock.Restart();
            var rows = rungs.Rows[rung];
            var validation = fold.Validation.Prefix(Math.Min(rows, fold.Validation.Rows));
            var outcome = TrainerRegistry.Create(trial.Trainer, TrialSeed(studySeed, trial))
                .Train(fold.Training.Prefix(rows), validation, parameters, metric, _ => true, cancellationToken);
            // Unobserved, a fit ends complete or diverged.
            if (outcome.Status != TrainingStatus.Completed)
                return new TrialResult(TrialState.Diverged, null, new Dictionary<string, double>(), 0, 0, rungs.On(rows, outcome.Message));
            var value = MetricCalculator.Compute(validation.Labels, outcome.Model.Predict(validation.Features), metric);
            if (rungs.Judge(trial.Number, rung, value, pruner, _rungBoard) is { } stopped)
                return new TrialResult(TrialState.Pruned, null, new Dictionary<string, double>(), 0, 0, stopped);
            // A fit's time grows with its rows; what does not fit in the search's time would be cancelled, its time lost.
            var next = clock.Elapsed * ((double)rungs.Rows[rung + 1] / rows);
            if (searchTimeLeft?.Invoke() is { } left && next > left)
                return new TrialResult(TrialState.Pruned, null, new Dictionary<string, double>(), 0, 0, rungs.WouldNotFinish(rung, next, left));
        }

        return null;
    }

    /// <summary>Trains one fold. Only the first fold reports its curve (to the store and the pruner).</summary>
    private (TrainingOutcome Outcome, string? PruneReason) TrainFold(TrialRecord trial, Fold fold, HyperParameters parameters, CancellationToken cancellationToken)
    {
        if (fold.Index != 0) return (TrainUnreported(trial, fold, studySeed, metric, cancellationToken), null);

        var trainer = TrainerRegistry.Create(trial.Trainer, TrialSeed(studySeed, trial));
        var reported = 0;
        var prunable = TrainerRegistry.FirstPrunableEpoch(trial.Trainer);
        string? pruned = null;
        var steps = new StepBuffer(store, trial.Id);
        try
        {
            var outcome = trainer.Train(fold.Training, fold.Validation, parameters, metric, step =>
            {
                steps.Add(step);
                reported = step.Epoch;
                board.Record(trial.Number, trial.Trainer, step.Epoch, step.ValidationMetric);
                if (step.Epoch >= prunable) pruned = pruner.Check(trial.Number, step.Epoch, step.ValidationMetric, board);
                return pruned is null;
            }, cancellationToken);

            // A diverged epoch is returned in the curve without being reported; keep it too.
            foreach (var step in outcome.Epochs.Where(e => e.Epoch > reported)) steps.Add(step);
            // Before the result: whoever reads a finished trial finds its whole curve.
            steps.Flush();
            return (outcome, pruned);
        }
        catch (Exception e) when (e is not StoreUnavailableException)
        {
            steps.Flush();
            throw;
        }
    }

    /// <summary>Trains a trial's configuration on a fold as a trial does, reporting its curve to no one (folds after the first, re-evaluations).</summary>
    public static TrainingOutcome TrainUnreported(TrialRecord trial, Fold fold, int studySeed, string metric, CancellationToken cancellationToken) =>
        TrainerRegistry.Create(trial.Trainer, TrialSeed(studySeed, trial))
            .Train(fold.Training, fold.Validation, trial.Parameters.WithSeed(TrialSeed(studySeed, trial)), metric, _ => true, cancellationToken);

    /// <summary>The seed a trial's trainer runs with: the study's seed plus the trial number.</summary>
    public static int TrialSeed(int studySeed, TrialRecord trial) => studySeed + trial.Number;
}
