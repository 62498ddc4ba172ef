using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Tuner.Data;
using Tuner.Reports.Model;
using Tuner.Storage;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// Measures and corrects the winner's curse: the best of many noisy validation scores is an optimistic estimate of the
/// winner. After the search, the candidates (<see cref="Candidates"/>: the trials tied with the best, each trainer's
/// best of them first, at most <see cref="MaxCandidates"/>, and at least the best <see cref="MinCandidates"/>) are trained as their trials
/// were on <see cref="FreshFolds"/> fresh folds of all labelled rows (training and validation rows together, split with
/// another seed), and scored on those folds' held-out rows; the winner is the best mean. Candidates run best first
/// and only while their expected time fits the allowance, so under a time budget it stays inside it.
/// </summary>
internal static class WinnerReevaluation
{
    public const string Role = "reevaluation";
    public const int MaxCandidates = 5;
    public const int MinCandidates = 2;
    public const int FreshFolds = 3;

    /// <summary>The fresh matrices and, on top, half again for the trainers' own copies (as <see cref="MatrixMemory"/> reckons).</summary>
    private const double FreshMatrixHeadroom = 1.5;

    /// <summary>Added to the study's seed for the fresh split, so it differs from the search's holdout or folds.</summary>
    private const int SplitSeedOffset = 7919;

    /// <summary>
    /// The trials tied with the best, in rank order: each trainer's best of them first, then the next best. Thousands of
    /// cheap trials leave near-copies of one configuration at the top (on lending_club 383 of 410 tied trials were sgd,
    /// beside the best of four other trainers), and the fresh folds are there to choose between what the validation
    /// rows cannot tell apart, not between copies.
    /// </summary>
    public static IReadOnlyList<TrialRecord> Candidates(IReadOnlyList<TrialRecord> ranked, IReadOnlySet<int> tiedWithBest)
    {
        var complete = ranked.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToList();
        var tied = complete.Where(t => tiedWithBest.Contains(t.Number)).ToList();
        var chosen = tied.DistinctBy(t => t.Trainer).Concat(tied).Distinct().Take(MaxCandidates).ToHashSet();
        return chosen.Count >= MinCandidates ? tied.Where(chosen.Contains).ToList() : complete.Take(MinCandidates).ToList();
    }

    /// <summary>
    /// Re-evaluates the candidates within <paramref name="allowance"/> (null: no limit), <paramref name="parallel"/> at a
    /// time; null when not even the best fits, featurizing the fresh folds included (or there are no candidates).
    /// </summary>
    /// <param name="featurizing">What featurizing the study's own folds took.</param>
    public static Reevaluation? Run(StudyData data, IReadOnlyList<TrialRecord> candidates, StudyConfig config, int parallel, TimeSpan? allowance,
        TimeSpan featurizing, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0 || data.Data.Rows + (data.ValidationData?.Rows ?? 0) < 2 * FreshFolds) return null;
        var clock = Stopwatch.StartNew();
        var seed = config.Seed + SplitSeedOffset;
        var rows = data.ValidationData is null ? data.Data : DataPreparation.Concat(data.Data, data.ValidationData);
        var expected = candidates.Select(t => ExpectedTraining(t, data)).ToList();
        if (allowance is { } limit && (limit <= TimeSpan.Zero || FreshFeaturizing(featurizing, data) + expected[0] > limit)) return null;

        var fresh = DataPreparation.Prepare(new MLContext(seed), rows, null, FreshFolds, seed);
        if (allowance is { } left && clock.Elapsed + expected[0] > left) return null; // featurizing the fresh folds took the time
        var results = new ReevaluatedTrial?[candidates.Count];
        try
        {
            Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, i =>
            {
                // Candidates are taken best first; one that would overrun the allowance is left out.
                if (allowance is { } limit && i > 0 && clock.Elapsed + expected[i] > limit) return;

                results[i] = Score(candidates[i], i, fresh, config, cancellationToken);
            });
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        var scored = results.OfType<ReevaluatedTrial>().ToList();
        return scored.Count == 0 ? null : new Reevaluation(FreshFolds, seed, config.HigherIsBetter, scored);
    }

    /// <summary>
    /// Whether the fresh folds' matrices (each fold holds every labelled row once, as training or held-out rows) fit, with
    /// room for a trainer's own copy, in the memory <paramref name="availableBytes"/> the process has left beside the
    /// study's own: ten million rows would need three more copies of the study's matrix.
    /// </summary>
    public static bool FitsInMemory(StudyData data, long availableBytes)
    {
        var fold = data.Folds[0];
        var studyMatrixBytes = fold.Training.Features.Bytes + fold.Validation.Features.Bytes;
        return FreshFolds * studyMatrixBytes * FreshMatrixHeadroom <= availableBytes;
    }

    /// <summary>
    /// What re-evaluating the best of <paramref name="trials"/> so far should take: featurizing the fresh folds and
    /// the candidates' training, <paramref name="parallel"/> at a time, counting the most candidates there can be; and
    /// what it takes before the best candidate is scored (under a smaller allowance it is skipped).
    /// </summary>
    public static (TimeSpan All, TimeSpan First) ExpectedTime(IReadOnlyList<TrialRecord> trials, StudyData data, bool higherIsBetter, int parallel,
        TimeSpan featurizing)
    {
        var top = Ranking.Top(trials, MaxCandidates, higherIsBetter);
        if (top.Count == 0) return (TimeSpan.Zero, TimeSpan.Zero);
        var fresh = FreshFeaturizing(featurizing, data);
        var training = top.Aggregate(TimeSpan.Zero, (sum, t) => sum + ExpectedTraining(t, data));
        return (fresh + training / Math.Max(1, parallel), fresh + ExpectedTraining(top[0], data));
    }

    /// <summary>The fresh folds' featurizing: about the study's own, once per fresh fold instead of once per fold of the study.</summary>
    private static TimeSpan FreshFeaturizing(TimeSpan featurizing, StudyData data) => featurizing * FreshFolds / data.Folds.Count;

    /// <summary>A trial's training on the fresh folds: a fold of them trains on (k-1)/k of all labelled rows, where the trial trained on its own fold(s).</summary>
    private static TimeSpan ExpectedTraining(TrialRecord trial, StudyData data)
    {
        var rows = data.Data.Rows + (data.ValidationData?.Rows ?? 0);
        var growth = (double)rows * (FreshFolds - 1) / FreshFolds / Math.Max(1, data.Folds[0].Training.Rows);
        return TimeSpan.FromSeconds((trial.DurationSeconds ?? 0) / data.Folds.Count * FreshFolds * growth);
    }

    private static ReevaluatedTrial Score(TrialRecord trial, int rank, StudyData fresh, StudyConfig config, CancellationToken cancellationToken)
    {
        var values = new List<double>();
        foreach (var fold in fresh.Folds)
        {
            try
            {
                var outcome = TrialExecutor.TrainUnreported(trial, fold, config.Seed, config.Metric, cancellationToken);
                values.Add(outcome.Status == TrainingStatus.Completed
                    ? MetricCalculator.Compute(fold.Validation.Labels, outcome.Model.Predict(fold.Validation.Features), config.Metric)
                    : double.NaN);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // As in a trial, a trainer that throws (or diverges) fails only this configuration's fresh score.
                values.Add(double.NaN);
            }
        }

        var replicates = new ScoreReplicates(ReplicateKind.Folds, values.Select(v => (float)v).ToArray());
        var (low, high) = values.All(double.IsFinite) ? replicates.Interval() : (double.NaN, double.NaN);
        var mean = values.All(double.IsFinite) ? values.Average() : double.NaN;
        return new ReevaluatedTrial(trial.Number, rank + 1, trial.Trainer, trial.Value!.Value, mean, low, high, values);
    }

    /// <summary>The study's final winner: the re-evaluated winner when there is one, else the search's best.</summary>
    public static TrialRecord? Winner(IReadOnlyList<TrialRecord> ranked, Reevaluation? reevaluation, bool higherIsBetter) =>
        reevaluation?.Winner is { } winner && ranked.FirstOrDefault(t => t.Number == winner.Number && t.State == TrialState.Complete) is { } trial
            ? trial
            : Ranking.Best(ranked, higherIsBetter);

    /// <summary>The winner's metrics with its re-evaluated score, interval and optimism added (for best.json).</summary>
    public static IReadOnlyDictionary<string, double> WinnerMetrics(TrialRecord winner, Reevaluation? reevaluation, string metric)
    {
        var entry = reevaluation?.Trials.FirstOrDefault(t => t.Number == winner.Number);
        if (entry is null) return winner.Metrics;
        var metrics = new Dictionary<string, double>(winner.Metrics, StringComparer.Ordinal)
        {
            [$"reevaluated_valid_{metric}"] = entry.Value,
            [$"optimism_valid_{metric}"] = reevaluation!.Optimism(entry),
        };
        if (double.IsFinite(entry.Low)) (metrics[$"reevaluated_valid_{metric}_low"], metrics[$"reevaluated_valid_{metric}_high"]) = (entry.Low, entry.High);
        return metrics;
    }

    public static void Save(IStudyStore store, long studyId, Reevaluation reevaluation) =>
        store.SaveFile(studyId, new StoredFile(Role, "reevaluation.json", "", JsonSerializer.SerializeToUtf8Bytes(reevaluation)));

    public static Reevaluation? Load(IStudyStore store, long studyId) =>
        store.LoadFile(studyId, Role) is { } file ? JsonSerializer.Deserialize<Reevaluation>(file.Content) : null;
}
