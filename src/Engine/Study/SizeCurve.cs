using System.Text.Json;
using Tuner.Data;
using Tuner.Reports.Model;
using Tuner.Storage;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// The learning curve by training-set size of the winner: its settings trained on 10%, 25%, 50% and 100% of the
/// first fold's training rows (per seed, a different window of those rows, which lie in a seeded random order: a random
/// sample without a copy), each scored on those rows and on the validation
/// rows. Stored with the study (<see cref="Role"/>) so that every report of it can show the bias/variance picture.
/// It costs a few trials of the winner, so it runs within a time allowance: 50% and 100% with the first seed always
/// (what the verdict compares), then 25% and 10%, then the other seeds, as long as the allowance lasts. With one fold,
/// 100% with the first seed is the winning trial itself (same rows, same seed), so its stored metrics are taken instead
/// of fitting it again.
/// </summary>
internal static class SizeCurve
{
    public const string Role = "size_curve";

    public static readonly IReadOnlyList<double> Shares = [0.1, 0.25, 0.5, 1.0];

    public const int Seeds = 3;

    /// <summary>The fewest rows a share is trained on (a share of a small dataset that gives fewer is skipped).</summary>
    public const int MinRows = 30;

    /// <summary>The whole curve's training in full-size fits of the winner: every share, for every seed, but the trial's own.</summary>
    public static double FullFits(int folds) => Seeds * Shares.Sum() - (folds == 1 ? 1 : 0);

    /// <summary>The fits in the order they run: the verdict's two first.</summary>
    private static readonly (int Seed, double Share)[] Order =
        [(0, 0.5), (0, 1.0), (0, 0.25), (0, 0.1), .. Enumerable.Range(1, Seeds - 1).SelectMany(s => new[] { (s, 0.5), (s, 1.0), (s, 0.25), (s, 0.1) })];

    public static IReadOnlyList<SizeCurvePoint> Measure(StudyData data, TrialRecord winner, string metric, int studySeed, TimeSpan allowance, CancellationToken cancellationToken)
    {
        var fold = data.Folds[0];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = Shares.ToDictionary(share => share, _ => (Training: new List<double>(), Validation: new List<double>()));
        int fits = 0;
        foreach (var (s, share) in Order)
        {
            if (fits >= 2 && clock.Elapsed > allowance) break;
            int rows = (int)Math.Round(share * fold.Training.Rows);
            if (rows < MinRows && share < 1) continue;
            cancellationToken.ThrowIfCancellationRequested();
            fits++;
            if ((s, share) == (0, 1.0) && TrialsOwn(data, winner, metric) is { } own)
            {
                results[share].Training.Add(own.Training);
                results[share].Validation.Add(own.Validation);
                continue;
            }

            int seed = TrialExecutor.TrialSeed(studySeed, winner) + s;
            var subset = share < 1 ? fold.Training.Window(SampleStart(fold.Training.Rows, rows, s), rows) : fold.Training;
            var outcome = TrainerRegistry.Create(winner.Trainer, seed)
                .Train(subset, fold.Validation, winner.Parameters.WithSeed(seed), metric, _ => true, cancellationToken);
            if (outcome.Status != TrainingStatus.Completed) continue;
            var training = MetricCalculator.Compute(subset.Labels, outcome.Model.Predict(subset.Features), metric);
            var validation = MetricCalculator.Compute(fold.Validation.Labels, outcome.Model.Predict(fold.Validation.Features), metric);
            // A fit whose metric is not a number (a subset with one class, an infinite loss) says nothing of the curve.
            if (!double.IsFinite(training) || !double.IsFinite(validation)) continue;
            results[share].Training.Add(training);
            results[share].Validation.Add(validation);
        }

        return Shares.Where(share => results[share].Validation.Count > 0)
            .Select(share => new SizeCurvePoint(share, (int)Math.Round(share * fold.Training.Rows), results[share].Training, results[share].Validation))
            .ToArray();
    }

    /// <summary>The winner's training and validation metric as its trial measured them, when that trial is this curve's full-size fit of the first seed.</summary>
    private static (double Training, double Validation)? TrialsOwn(StudyData data, TrialRecord winner, string metric) =>
        data.Folds.Count == 1 && winner.Metrics.TryGetValue($"train_{metric}", out var training) && winner.Metrics.TryGetValue($"valid_{metric}", out var validation)
            && double.IsFinite(training) && double.IsFinite(validation)
            ? (training, validation)
            : null;

    public static void Save(IStudyStore store, long studyId, IReadOnlyList<SizeCurvePoint> points) =>
        store.SaveFile(studyId, new StoredFile(Role, "size_curve.json", "", JsonSerializer.SerializeToUtf8Bytes(points)));

    public static IReadOnlyList<SizeCurvePoint>? Load(IStudyStore store, long studyId) =>
        store.LoadFile(studyId, Role) is { } file ? JsonSerializer.Deserialize<List<SizeCurvePoint>>(file.Content) : null;

    /// <summary>
    /// Where seed <paramref name="s"/>'s sample of <paramref name="count"/> rows starts: the first seed takes the first rows,
    /// the last seed the last ones, the others windows evenly between. Training rows are laid out in a seeded random order,
    /// so each window is a random sample, and a view of the study's matrix where a drawn subset was a copy of up to half of it.
    /// </summary>
    private static int SampleStart(int total, int count, int s) => (int)((long)(total - count) * s / Math.Max(1, Seeds - 1));
}
