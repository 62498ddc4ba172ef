using Tuner.Reports.Analysis;
using Tuner.Reports.Html;
using Tuner.Reports.Model;
using Tuner.Trainers.Training;

namespace Tuner.Reports.Tests.Html;

public sealed class ReportSizeTests
{
    [Fact]
    public void A_thousand_trial_study_gives_a_report_of_a_few_megabytes_at_most()
    {
        var html = StudyReport.Render(Study(1000));

        Assert.InRange(html.Length, 100_000, 2_000_000);
        Assert.Equal(LeaderboardSection.RowsShown, html.Split("<tr id=\"row-").Length - 1);
        Assert.Contains($"The best {LeaderboardSection.RowsShown} of 1,000 trials", html);
    }

    [Fact]
    public void A_ten_thousand_trial_study_gives_a_report_no_larger_than_a_two_thousand_trial_one()
    {
        var small = StudyReport.Render(Study(ChartSample.Limit));
        var large = StudyReport.Render(Study(10_000));

        Assert.Contains("The charts plot 2,000 of the 10,000 trials", large);
        Assert.InRange(large.Length, 0, 1.2 * small.Length);
    }

    private static StudyReportData Study(int count)
    {
        var random = new Random(3);
        string[] losses = ["log", "hinge", "focal", "modified_huber"];
        var trials = Enumerable.Range(0, count).Select(n =>
        {
            var epochs = 5 + random.Next(35);
            var curve = Enumerable.Range(1, epochs).Select(e => new EpochRecord(e, 1.0 / e, 1.1 / e + 0.01 * e, 0.8, 0.01, 0.5, 3, [0.5])).ToList();
            var parameters = new Dictionary<string, string>
            {
                ["loss"] = losses[random.Next(losses.Length)],
                ["l2"] = Math.Pow(10, -7 + 5 * random.NextDouble()).ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                ["learning_rate"] = Math.Pow(10, -4 + 3 * random.NextDouble()).ToString("G4", System.Globalization.CultureInfo.InvariantCulture),
                ["batch_size"] = (1 << random.Next(9)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var value = 0.7 + 0.25 * random.NextDouble();
            return new ReportTrial(n, "complete", n % 2 == 0 ? "sgd" : "mlp", n < 2, parameters,
                new Dictionary<string, double> { ["valid_auc"] = value, ["train_auc"] = value + 0.02, ["valid_logloss"] = 0.4 },
                value, 1.5, null, DateTimeOffset.UnixEpoch, curve);
        }).OrderByDescending(t => t.Value).ToList();
        return new StudyReportData("big", DateTimeOffset.UnixEpoch, "binary", "auc", true, "data.csv", "y", 10_000, 40,
            ["no", "yes"], [7000, 3000], 1, null, 1, "numeric (mean-imputed, standardised): x", trials);
    }
}
