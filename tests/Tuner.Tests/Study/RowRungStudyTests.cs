using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using Spectre.Console;
using Tuner.Cli;
using Tuner.Data;
using Tuner.Engine;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Study;

/// <summary>Big data's successive halving over rows, reached on small generated data by lowering the threshold.</summary>
public sealed class RowRungStudyTests
{
    private const int Rows = 3_000;

    /// <summary>Lowered from 100,000 so that the 2,400 training rows go through rungs of 267 and 800 rows.</summary>
    private const int Threshold = 1_000;

    [Fact]
    public async Task Trials_start_on_row_prefixes_and_only_promoted_ones_train_on_all_rows()
    {
        var data = Generate(Samples.TempDirectory());
        var dir = Samples.TempDirectory();
        var options = Options(data, dir);

        var (exit, console) = await RunAsync(options);

        Assert.Equal(0, exit);
        var trials = StudyHarness.Trials(dir);
        using var store = StoredStudy.OpenStore(Path.Combine(dir, "study.db"));
        var rungs = RowRungs.Load(store, store.FindStudy("test")!.Id)!;
        Assert.Equal([267, 800, 2_400], rungs);
        var stoppedFirst = trials.Where(t => t.Error?.StartsWith("stopped at 267 of 2,400 rows: ", StringComparison.Ordinal) == true).ToList();
        var stoppedSecond = trials.Where(t => t.Error?.StartsWith("stopped at 800 of 2,400 rows: ", StringComparison.Ordinal) == true).ToList();
        var complete = trials.Where(t => t.State == TrialState.Complete).ToList();
        Assert.True(stoppedFirst.Count >= 10, $"{stoppedFirst.Count} stopped at the first rung");
        Assert.True(complete.Count >= 5, $"{complete.Count} complete");
        Assert.All(stoppedFirst.Concat(stoppedSecond), t =>
        {
            Assert.Equal(TrialState.Pruned, t.State);
            Assert.Null(t.Value);
        });
        // The baselines are trials like the others: the first ones have no rivals yet, later ones are judged.
        Assert.Contains(trials, t => t.IsBaseline && t.State == TrialState.Complete);

        // A complete trial's value is its fit on all the training rows, and the trials stopped at the first rung
        // were the poor ones: trained on all the rows anyway, they do worse than the promoted ones.
        var prepared = DataPreparation.Prepare(new MLContext(options.Seed), DatasetLoader.Load(new DataOptions(data, "y", null, [])), null, 1, options.Seed);
        var fold = prepared.Folds[0];
        Assert.Equal(2_400, fold.Training.Rows);
        double FullData(TrialRecord t) => MetricCalculator.Compute(fold.Validation.Labels,
            TrialExecutor.TrainUnreported(t, fold, options.Seed, "auc", CancellationToken.None).Model.Predict(fold.Validation.Features), "auc");
        Assert.All(complete, t => Assert.Equal(FullData(t), t.Value!.Value, 9));
        var stoppedMedian = Median(stoppedFirst.Select(FullData));
        var completeMedian = Median(complete.Select(t => t.Value!.Value));
        Assert.True(stoppedMedian < completeMedian, $"stopped at 267 rows: median {stoppedMedian} on all rows; complete: {completeMedian}");

        // The report and the console say so, in numbers that are those of the stored trials.
        var ranOnAll = trials.Count - stoppedFirst.Count - stoppedSecond.Count - trials.Count(t => RowRungs.EndedOnSmallRung(t.Error) && RowRungs.StoppedAt(t.Error) is null);
        var failed = trials.Count(t => RowRungs.EndedOnSmallRung(t.Error) && RowRungs.StoppedAt(t.Error) is null);
        var line = $"Big data: trials started on row subsamples (267 → 800 → 2,400 rows); {stoppedFirst.Count} stopped at 267, {stoppedSecond.Count} at 800, "
            + (failed > 0 ? $"{failed} failed or diverged on a subsample, " : "") + $"{ranOnAll} ran on all rows.";
        Assert.Contains(line, console);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(line), File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public async Task The_same_seed_and_trial_count_give_the_same_study()
    {
        var data = Generate(Samples.TempDirectory());
        var (first, second) = (Samples.TempDirectory(), Samples.TempDirectory());

        await RunAsync(Options(data, first) with { Trials = 16 });
        await RunAsync(Options(data, second) with { Trials = 16 });

        string Outcome(TrialRecord t) => $"{t.Number} {t.Key} {t.State} {t.Value?.ToString("R", CultureInfo.InvariantCulture)} {t.Error}";
        Assert.Equal(StudyHarness.Trials(first).Select(Outcome), StudyHarness.Trials(second).Select(Outcome));
        Assert.Contains(StudyHarness.Trials(first), t => RowRungs.StoppedAt(t.Error) is not null);
    }

    [Fact]
    public async Task Data_below_the_threshold_trains_every_trial_on_all_rows()
    {
        var data = Generate(Samples.TempDirectory());
        var dir = Samples.TempDirectory();

        var (exit, console) = await RunAsync(Options(data, dir) with { Trials = 8, BigDataRows = RowRungs.BigDataRows });

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Big data", console);
        Assert.All(StudyHarness.Trials(dir), t => Assert.Null(RowRungs.StoppedAt(t.Error)));
        using var store = StoredStudy.OpenStore(Path.Combine(dir, "study.db"));
        Assert.Null(RowRungs.Load(store, store.FindStudy("test")!.Id));
    }

    [Fact]
    public void A_trial_whose_next_rung_would_not_finish_in_the_search_time_left_stops_before_that_fit()
    {
        var data = DatasetLoader.Load(new DataOptions(Generate(Samples.TempDirectory()), "y", null, []));
        var prepared = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1);
        var pruner = new AshaPruner(higherIsBetter: true);
        var rungs = RowRungs.For(prepared.Folds[0].Training.Rows, pruner, Threshold)!;
        using var store = RelationalStudyStore.OpenSqlite(Path.Combine(Samples.TempDirectory(), "study.db"));
        var study = store.CreateStudy("rungs", Storage.StoreSamples.Config());
        TrialResult Run(int number, TimeSpan? left)
        {
            var trial = store.TryStartTrial(study.Id, number, new TrialProposal("lbfgs_logistic", new HyperParameters([]), IsBaseline: true), "w")!;
            return new TrialExecutor(prepared, store, "auc", studySeed: 1, pruner, new CurveBoard(), rungs, searchTimeLeft: () => left)
                .Run(trial, CancellationToken.None);
        }

        var stopped = Run(0, TimeSpan.Zero);
        var unlimited = Run(1, null);
        var ample = Run(2, TimeSpan.FromHours(1));

        Assert.Equal(TrialState.Pruned, stopped.State);
        Assert.Matches(@"^stopped at 267 of 2,400 rows: a fit on 800 rows would take about \d+ s, more than the 0 s the search has left$", stopped.Error);
        Assert.Equal(267, RowRungs.StoppedAt(stopped.Error));
        Assert.Equal(TrialState.Complete, unlimited.State);
        Assert.Equal(TrialState.Complete, ample.State);
    }

    [Fact]
    public void Validation_rows_lie_in_a_seeded_random_order_so_a_prefix_is_a_random_sample()
    {
        // Sorted by label, as files often are: a prefix of the validation rows in file order would hold one class only.
        var csv = new StringBuilder("x,y\n");
        for (var r = 0; r < 2_000; r++) csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{r % 97},{(r < 1_500 ? 0 : 1)}"));
        var path = Path.Combine(Samples.TempDirectory(), "sorted.csv");
        File.WriteAllText(path, csv.ToString());
        var data = DatasetLoader.Load(new DataOptions(path, "y", null, []));

        var validation = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1).Folds[0].Validation;
        var again = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1).Folds[0].Validation;

        var prefix = validation.Prefix(100).Labels.ToArray();
        Assert.InRange(prefix.Average(), 0.1, 0.4);
        Assert.Equal(0.25, validation.Labels.ToArray().Average(), 2);
        Assert.Equal(validation.Labels.ToArray(), again.Labels.ToArray());
    }

    private static StudyOptions Options(string data, string dir) =>
        StudyHarness.Options(data, "y", dir, trials: 40, trainers: "sgd,lbfgs,sdca", pruner: "asha") with { BigDataRows = Threshold };

    private static async Task<(int Exit, string Console)> RunAsync(StudyOptions options)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = 400;
        var exit = await new TuneJob(console, NullLogger<TuneJob>.Instance).RunAsync(options, CancellationToken.None);
        return (exit, text.ToString());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>A seeded binary set: y depends on x1 and x2 with noise, x3–x6 are noise.</summary>
    private static string Generate(string dir)
    {
        var random = new Random(7);
        var csv = new StringBuilder("x1,x2,x3,x4,x5,x6,y\n");
        for (var r = 0; r < Rows; r++)
        {
            var x = Enumerable.Range(0, 6).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var y = x[0] + 0.5 * x[1] + 0.4 * (random.NextDouble() * 2 - 1) > 0 ? 1 : 0;
            csv.AppendLine(string.Join(',', x.Select(v => v.ToString("F4", CultureInfo.InvariantCulture))) + $",{y}");
        }

        var path = Path.Combine(dir, "rows.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
