using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Tests.Metrics;

public sealed class MetricCalculatorTests
{
    [Fact]
    public void Binary_metrics_match_hand_computed_values()
    {
        float[] labels = [1, 0, 1, 0, 1];
        double[] p = [0.9, 0.8, 0.7, 0.3, 0.2];

        var m = MetricCalculator.Compute(labels, new Predictions(TaskKind.Binary, p, 1));

        // Positive-above-negative pairs: 0.9 beats both negatives, 0.7 beats 0.3, 0.2 beats none: 3 of 6.
        Assert.Equal(3.0 / 6, m["auc"], 12);
        Assert.Equal(3.0 / 5, m["accuracy"], 12); // predicted 1,1,1,0,0
        Assert.Equal(2.0 * 2 / (2 * 2 + 1 + 1), m["f1"], 12); // tp 2, fp 1, fn 1
        var logLoss = -(Math.Log(0.9) + Math.Log(0.2) + Math.Log(0.7) + Math.Log(0.7) + Math.Log(0.2)) / 5;
        Assert.Equal(logLoss, m["logloss"], 12);
        // Average precision: recall steps at ranks 1, 3, 5 with precision 1, 2/3, 3/5.
        Assert.Equal((1 + 2.0 / 3 + 3.0 / 5) / 3, m["prauc"], 12);
    }

    [Fact]
    public void Binary_metrics_take_ranking_from_the_score_decisions_from_the_label_and_log_loss_from_the_probability()
    {
        // A calibration can put probability 0.4 on score 0.5 and 0.6 on score −0.1, as Platt's shifted sigmoid does.
        float[] labels = [1, 0, 1, 0];
        double[] scores = [2, 0.5, -0.1, -1], probabilities = [0.9, 0.4, 0.6, 0.1];

        var m = MetricCalculator.Compute(labels, Predictions.Binary(scores, probabilities));

        Assert.Equal(3.0 / 4, m["auc"], 12); // by score: −0.1 ranks below the negative 0.5 (by probability it would be 1)
        Assert.Equal(0.5, m["accuracy"], 12); // predicted score > 0: 1, 1, 0, 0
        Assert.Equal(0.5, m["f1"], 12); // tp 1, fp 1, fn 1
        Assert.Equal(-(2 * Math.Log(0.9) + 2 * Math.Log(0.6)) / 4, m["logloss"], 12);
        Assert.Equal(0.5, MetricCalculator.Compute(labels, Predictions.Binary(scores, probabilities), "accuracy"), 12);
        Assert.Equal(1.0, MetricCalculator.Compute(labels, Predictions.Binary(scores, probabilities, [true, false, true, false]), "accuracy"), 12);
    }

    [Fact]
    public void Tied_scores_count_one_half_in_auc()
    {
        var m = MetricCalculator.Compute([1, 0, 1, 0], new Predictions(TaskKind.Binary, [0.5, 0.5, 0.5, 0.5], 1));
        Assert.Equal(0.5, m["auc"], 12);
    }

    [Fact]
    public void Multiclass_metrics_match_hand_computed_values()
    {
        float[] labels = [0, 1, 2, 2];
        double[] p =
        [
            0.7, 0.2, 0.1,
            0.6, 0.3, 0.1,
            0.1, 0.1, 0.8,
            0.2, 0.5, 0.3,
        ];

        var m = MetricCalculator.Compute(labels, new Predictions(TaskKind.Multiclass, p, 3));

        Assert.Equal(0.5, m["accuracy"], 12);
        Assert.Equal((1 + 0 + 0.5) / 3, m["macro_accuracy"], 12);
        // F1 per class: class 0 tp1 fp1 -> 2/3; class 1 tp0 -> 0; class 2 tp1 fn1 -> 2/3.
        Assert.Equal((2.0 / 3 + 0 + 2.0 / 3) / 3, m["macro_f1"], 12);
        Assert.Equal(-(Math.Log(0.7) + Math.Log(0.3) + Math.Log(0.8) + Math.Log(0.3)) / 4, m["logloss"], 12);
    }

    [Fact]
    public void Regression_metrics_match_hand_computed_values()
    {
        var m = MetricCalculator.Compute([1, 2, 3, 4], new Predictions(TaskKind.Regression, [1, 2, 4, 2], 1));

        Assert.Equal(Math.Sqrt(5.0 / 4), m["rmse"], 12);
        Assert.Equal(3.0 / 4, m["mae"], 12);
        Assert.Equal(1 - 5 / 5.0, m["r2"], 12);
    }

    [Theory]
    [InlineData("auc", true)]
    [InlineData("logloss", false)]
    public void Direction_decides_what_is_better(string metric, bool higherIsBetter)
    {
        var info = MetricInfo.Find(TaskKind.Binary, metric)!;
        Assert.Equal(higherIsBetter, info.IsBetter(0.9, 0.8));
        Assert.True(info.IsBetter(0.5, double.NaN));
        Assert.False(info.IsBetter(double.NaN, 0.5));
    }
}
