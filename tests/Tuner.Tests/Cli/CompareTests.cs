using Tuner.Tests.Study;

namespace Tuner.Tests.Cli;

public sealed class CompareTests
{
    [Fact]
    public async Task Two_studies_on_different_datasets_are_compared_on_one_page()
    {
        var work = Samples.TempDirectory();
        var cancer = Path.Combine(work, "cancer");
        var credit = Path.Combine(work, "credit");
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("breastcancer_wisc_na.csv"), "Class", cancer, trials: 9, trainers: "sgd,lbfgs", ignore: ["Id"]));
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("credit_data.csv"), "Status", credit, trials: 9, trainers: "sgd,lbfgs"));

        var (exit, _, stderr) = TunerProcess.Run(work, "compare", "--study", "test", "--storage", Path.Combine(cancer, "study.db"),
            "--study", "test", "--storage", Path.Combine(credit, "study.db"), "--out", "both.html");

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var html = await File.ReadAllTextAsync(Path.Combine(work, "both.html"));
        Assert.Contains("breastcancer_wisc_na.csv", html);
        Assert.Contains("credit_data.csv", html);
        Assert.Contains("How each knob mattered", html);
        Assert.Contains(">l2<", html); // a knob searched in both studies
        Assert.Equal(2, html.Split("<svg").Length - 1);
    }

    [Fact]
    public async Task Two_studies_of_the_same_name_are_told_apart_by_their_store_or_label_and_their_difference_is_paired()
    {
        var work = Samples.TempDirectory();
        var (sgd, lbfgs) = (Path.Combine(work, "sgd"), Path.Combine(work, "lbfgs"));
        var data = Samples.Data("breastcancer_wisc_na.csv");
        await StudyHarness.RunAsync(StudyHarness.Options(data, "Class", sgd, trials: 6, trainers: "sgd", ignore: ["Id"]));
        await StudyHarness.RunAsync(StudyHarness.Options(data, "Class", lbfgs, trials: 4, trainers: "lbfgs", ignore: ["Id"]));
        string[] both = ["--study", "test", "--storage", Path.Combine(sgd, "study.db"), "--study", "test", "--storage", Path.Combine(lbfgs, "study.db")];

        var (exit, stdout, stderr) = TunerProcess.Run(work, ["compare", .. both, "--out", "by-store.html"]);

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var html = await File.ReadAllTextAsync(Path.Combine(work, "by-store.html"));
        Assert.Contains($"test ({Path.Combine(sgd, "study.db")})", html);
        Assert.Contains($"test ({Path.Combine(lbfgs, "study.db")})", html);
        Assert.DoesNotContain("test vs test", html);
        // Same data, seed and split: the difference is paired, with an interval, on the console and in the page.
        // The console wraps long lines (and long paths within them), so the sentence is matched without its spaces.
        Assert.Matches(@"vs.*:[+-][0-9.e-]+auc,95%interval[+-][0-9.e-]+to[+-][0-9.e-]+,onthesamevalidationrows", string.Concat(stdout).Replace(" ", ""));
        Assert.Contains("id=\"difference-list\"", html);

        var (labelled, labelledOut, labelledErr) = TunerProcess.Run(work, ["compare", .. both, "--label", "SGD", "--label", "L-BFGS", "--out", "labelled.html"]);
        Assert.True(labelled == 0, string.Join(" | ", labelledErr));
        Assert.Matches("(SGDvsL-BFGS|L-BFGSvsSGD):", string.Concat(labelledOut).Replace(" ", ""));
        Assert.Contains("<h1>Comparison: SGD vs L-BFGS</h1>", await File.ReadAllTextAsync(Path.Combine(work, "labelled.html")));
    }

    [Fact]
    public async Task By_loss_compares_the_best_trial_of_each_loss_of_one_study_and_calls_a_difference_within_noise_a_tie()
    {
        var work = Samples.TempDirectory();
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("breastcancer_wisc_na.csv"), "Class", work, trials: 16, ignore: ["Id"],
            space: Path.Combine(Samples.RepositoryRoot, "samples", "spaces", "binary-sgd-losses.json")));
        // Every trial is sgd; the defaults baseline leaves the loss at its default, log.
        var losses = StudyHarness.Trials(work).Where(t => t.State == Tuner.Study.TrialState.Complete)
            .Select(t => t.Parameters.Values.TryGetValue("loss", out var loss) ? (string)loss : "log").Distinct().ToList();
        Assert.True(losses.Count >= 3, $"losses tried: {string.Join(", ", losses)}");

        var (exit, stdout, stderr) = TunerProcess.Run(work, "compare", "--study", "test", "--storage", Path.Combine(work, "study.db"), "--by", "loss", "--out", "losses.html");

        Assert.True(exit == 0, string.Join(" | ", stderr));
        var html = await File.ReadAllTextAsync(Path.Combine(work, "losses.html"));
        foreach (var loss in losses) Assert.Contains($"{loss} loss", html);
        var differences = string.Join(" ", stdout).Split(" vs ").Length - 1;
        Assert.Equal(losses.Count - 1, differences);
        // Each line ends in its verdict: a tie exactly when the interval contains zero.
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
                     @"95% interval ([+-][0-9.e-]+) to ([+-][0-9.e-]+), on the same validation rows: ([^<]+)</li>"))
        {
            var (low, high) = (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(low <= 0 && high >= 0, m.Groups[3].Value.StartsWith("a tie", StringComparison.Ordinal));
        }

        var (unknown, _, unknownErr) = TunerProcess.Run(work, "compare", "--study", "test", "--storage", Path.Combine(work, "study.db"), "--by", "los");
        Assert.Equal(2, unknown);
        Assert.StartsWith("tuner: --by los: no complete trial of study 'test' has that knob; choose from", Assert.Single(unknownErr));
    }

    [Fact]
    public void Comparing_fewer_than_two_studies_is_bad_input()
    {
        var (exit, _, stderr) = TunerProcess.Run(Samples.TempDirectory(), "compare", "--study", "only");

        Assert.Equal(2, exit);
        Assert.Contains("at least two --study", Assert.Single(stderr));
    }
}
