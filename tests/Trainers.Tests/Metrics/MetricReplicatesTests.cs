using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Tests.Metrics;

public sealed class MetricReplicatesTests
{
    public static TheoryData<TaskKind, string> EveryMetric()
    {
        var data = new TheoryData<TaskKind, string>();
        foreach (var task in new[] { TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression })
            foreach (var metric in MetricInfo.For(task))
                data.Add(task, metric.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMetric))]
    public void Each_replicate_is_the_metric_on_the_rows_repeated_as_often_as_they_were_drawn(TaskKind task, string metric)
    {
        var random = new Random(5);
        const int rows = 60;
        var (labels, predictions) = Generated(task, rows, random);
        var weights = new BootstrapWeights(rows, seed: 11, replicates: 30);

        var replicates = MetricReplicates.Compute(labels, predictions, metric, weights);

        for (var b = 0; b < weights.Replicates; b++)
        {
            var drawn = Enumerable.Range(0, rows).SelectMany(i => Enumerable.Repeat(i, weights.Replicate(b)[i])).ToArray();
            var expected = MetricCalculator.Compute(drawn.Select(i => labels[i]).ToArray(), Subset(predictions, drawn), metric);
            Assert.Equal(expected, replicates[b], 4);
        }
    }

    [Fact]
    public void Every_trial_of_a_study_gets_the_same_resamples_and_another_seed_other_ones()
    {
        var a = new BootstrapWeights(100, seed: 3);
        var b = new BootstrapWeights(100, seed: 3);
        var other = new BootstrapWeights(100, seed: 4);

        Assert.True(a.Replicate(7).SequenceEqual(b.Replicate(7)));
        Assert.False(a.Replicate(7).SequenceEqual(other.Replicate(7)));
        // Poisson(1): each row is drawn once on average.
        var mean = Enumerable.Range(0, a.Replicates).Average(r => a.Replicate(r).ToArray().Average(c => (double)c));
        Assert.InRange(mean, 0.97, 1.03);
    }

    /// <summary>
    /// Positives score N(1, 1), negatives N(0, 1): the true AUC is Φ(1/√2) = 0.7602; at threshold 0.5 the true accuracy is
    /// Φ(0.5) = 0.6915 for both classes. Over many validation sets of 300 rows, the 95% intervals should cover them about 95% of the time.
    /// </summary>
    [Theory]
    [InlineData("auc", 0.760250)]
    [InlineData("accuracy", 0.691462)]
    public void About_95_percent_of_the_intervals_cover_the_true_metric(string metric, double truth)
    {
        const int sets = 300, rows = 300;
        var covered = 0;
        for (var seed = 0; seed < sets; seed++)
        {
            var random = new Random(1000 + seed);
            var labels = new float[rows];
            var scores = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                labels[i] = random.Next(2);
                scores[i] = labels[i] + Normal(random) - 0.5;
            }

            var predictions = Predictions.Binary(scores, scores.Select(s => 1 / (1 + Math.Exp(-s))).ToArray());
            var replicates = new ScoreReplicates(ReplicateKind.Bootstrap, MetricReplicates.Compute(labels, predictions, metric, new BootstrapWeights(rows, seed)));
            var (low, high) = replicates.Interval();
            if (low <= truth && truth <= high) covered++;
        }

        Assert.InRange((double)covered / sets, 0.91, 0.98);
    }

    [Fact]
    public void Two_equally_good_models_on_the_same_rows_are_a_tie_and_a_better_one_is_not()
    {
        const int rows = 400;
        var random = new Random(9);
        var labels = Enumerable.Range(0, rows).Select(_ => (float)random.Next(2)).ToArray();
        var signal = labels.Select(l => (double)l).ToArray();
        var shared = signal.Select(s => s + Normal(random)).ToArray();
        double[] Model(double extraNoise) => shared.Select(s => s + extraNoise * Normal(random)).ToArray();
        var weights = new BootstrapWeights(rows, seed: 1);
        ScoreReplicates Score(double[] scores) => new(ReplicateKind.Bootstrap,
            MetricReplicates.Compute(labels, Predictions.Binary(scores, scores.Select(s => 1 / (1 + Math.Exp(-s))).ToArray()), "auc", weights));

        var (a, b) = (Score(Model(0.1)), Score(Model(0.1)));
        var much = Score(signal.Select(s => 3 * s + Normal(random)).ToArray());

        var (low, high) = a.DifferenceInterval(b, paired: true);
        Assert.True(low <= 0 && high >= 0, $"two models of the same quality: {low} to {high}");
        var (betterLow, _) = much.DifferenceInterval(a, paired: true);
        Assert.True(betterLow > 0, $"a much better model: its difference starts at {betterLow}");
        // Pairing cancels the noise both scores share: the paired interval is narrower than the unpaired one.
        var (unpairedLow, unpairedHigh) = a.DifferenceInterval(b, paired: false);
        Assert.True(high - low < (unpairedHigh - unpairedLow) / 2, $"paired {high - low}, unpaired {unpairedHigh - unpairedLow}");
    }

    [Fact]
    public void Fold_replicates_give_a_student_t_interval_of_the_mean()
    {
        var folds = new ScoreReplicates(ReplicateKind.Folds, [0.80f, 0.82f, 0.84f]);

        var (low, high) = folds.Interval();

        // mean 0.82, standard error 0.02/√3, t(2) = 4.303
        Assert.Equal(0.82 - 4.303 * 0.02 / Math.Sqrt(3), low, 5);
        Assert.Equal(0.82 + 4.303 * 0.02 / Math.Sqrt(3), high, 5);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (float[] Labels, Predictions Predictions) Generated(TaskKind task, int rows, Random random)
    {
        switch (task)
        {
            case TaskKind.Binary:
            {
                var labels = Enumerable.Range(0, rows).Select(_ => (float)random.Next(2)).ToArray();
                // Rounded scores make ties, which the ranking areas must treat as one threshold step.
                var scores = labels.Select(l => Math.Round(l + Normal(random), 1)).ToArray();
                return (labels, Predictions.Binary(scores, scores.Select(s => 1 / (1 + Math.Exp(-s))).ToArray()));
            }
            case TaskKind.Multiclass:
            {
                const int classes = 3;
                var labels = Enumerable.Range(0, rows).Select(_ => (float)random.Next(classes)).ToArray();
                var values = new double[rows * classes];
                for (var i = 0; i < rows; i++)
                {
                    var raw = Enumerable.Range(0, classes).Select(c => Math.Exp((c == (int)labels[i] ? 1 : 0) + Normal(random))).ToArray();
                    for (var c = 0; c < classes; c++) values[i * classes + c] = raw[c] / raw.Sum();
                }

                return (labels, new Predictions(TaskKind.Multiclass, values, classes));
            }
            default:
            {
                var labels = Enumerable.Range(0, rows).Select(_ => (float)(10 * random.NextDouble())).ToArray();
                return (labels, new Predictions(TaskKind.Regression, labels.Select(l => l + Normal(random)).ToArray(), 1));
            }
        }
    }

    private static Predictions Subset(Predictions predictions, int[] rows) => predictions.Task switch
    {
        TaskKind.Binary => Predictions.Binary(rows.Select(i => predictions.Scores[i]).ToArray(), rows.Select(i => predictions.Values[i]).ToArray()),
        _ => new Predictions(predictions.Task, rows.SelectMany(i => predictions.Row(i).ToArray()).ToArray(), predictions.Width),
    };
}
