using Tuner.Reports.Diagnosis;
using Tuner.Reports.Model;
using Tuner.Trainers.Metrics;

namespace Reports.Tests.Diagnosis;

public sealed class SizeVerdictTests
{
    private static readonly MetricInfo Auc = MetricInfo.Binary[0];
    private static readonly MetricInfo Rmse = MetricInfo.Regression[0];

    private static SizeCurvePoint Point(double share, double[] training, double[] validation) => new(share, (int)(1000 * share), training, validation);

    [Fact]
    public void A_validation_metric_still_rising_beyond_the_seeds_spread_says_more_data_would_help()
    {
        var verdict = SizeVerdict.Judge(
        [
            Point(0.5, [0.97, 0.971, 0.969], [0.80, 0.81, 0.805]),
            Point(1.0, [0.96, 0.961, 0.959], [0.85, 0.851, 0.849]),
        ], Auc)!;
        Assert.True(verdict.MoreDataHelps);
        Assert.StartsWith("More data would still help: validation auc went from 0.805 with 500 rows to 0.85 with 1,000, +0.045", verdict.Text);
        Assert.Contains("down from 0.165 with half the rows", verdict.Text);
    }

    [Fact]
    public void A_flat_validation_metric_with_training_close_to_it_says_capacity_is_the_limit()
    {
        var verdict = SizeVerdict.Judge(
        [
            Point(0.1, [0.86, 0.87, 0.85], [0.80, 0.82, 0.81]),
            Point(0.5, [0.853, 0.855, 0.851], [0.848, 0.852, 0.85]),
            Point(1.0, [0.852, 0.853, 0.851], [0.851, 0.849, 0.850]),
        ], Auc)!;
        Assert.False(verdict.MoreDataHelps);
        Assert.StartsWith("Capacity, not data, is the limit", verdict.Text);
        Assert.Contains("training and validation agree", verdict.Text);
    }

    [Fact]
    public void Lower_is_better_metrics_gain_downwards()
    {
        var verdict = SizeVerdict.Judge([Point(0.5, [0.5], [1.5]), Point(1.0, [0.6], [1.2])], Rmse)!;
        Assert.True(verdict.MoreDataHelps);
        Assert.Contains("one seed gives no spread", verdict.Text);
    }

    [Fact]
    public void Without_the_full_and_a_smaller_share_there_is_no_verdict()
    {
        Assert.Null(SizeVerdict.Judge([Point(1.0, [0.9], [0.85])], Auc));
    }
}
