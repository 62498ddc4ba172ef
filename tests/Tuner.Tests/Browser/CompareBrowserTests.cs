using Tuner.Tests.Cli;
using Tuner.Tests.Study;

namespace Tuner.Tests.Browser;

/// <summary>The pages that answer "is it better beyond noise?" render in Chromium: a study's report with its winner's-curse check, and comparisons.</summary>
public sealed class CompareBrowserTests
{
    [ChromiumFact]
    public async Task Intervals_the_winners_curse_two_same_name_studies_and_a_comparison_by_loss_render_without_errors()
    {
        var work = Samples.TempDirectory();
        var (losses, other) = (Path.Combine(work, "losses"), Path.Combine(work, "other"));
        var data = Samples.Data("breastcancer_wisc_na.csv");
        await StudyHarness.RunAsync(StudyHarness.Options(data, "Class", losses, trials: 14, ignore: ["Id"],
            space: Path.Combine(Samples.RepositoryRoot, "samples", "spaces", "binary-sgd-losses.json")));
        await StudyHarness.RunAsync(StudyHarness.Options(data, "Class", other, trials: 4, trainers: "lbfgs", ignore: ["Id"]));
        var store = Path.Combine(losses, "study.db");
        Assert.Equal(0, TunerProcess.Run(work, "compare", "--study", "test", "--storage", store, "--study", "test", "--storage", Path.Combine(other, "study.db"),
            "--out", "studies.html").ExitCode);
        Assert.Equal(0, TunerProcess.Run(work, "compare", "--study", "test", "--storage", store, "--by", "loss", "--out", "losses.html").ExitCode);

        await using var browser = await Chromium.StartAsync();

        await browser.OpenAsync(Path.Combine(losses, "report.html"));
        Assert.Empty(browser.Errors);
        Assert.True(await Number(browser, "document.querySelectorAll('#reevaluation-table tbody tr').length") >= 2);
        Assert.Contains("fresh folds", await Text(browser, "document.getElementById('reevaluation-summary').textContent"));
        Assert.Equal(1, await Number(browser, "document.querySelectorAll('#reevaluation-table tr.winner').length"));
        var intervals = await Text(browser, "Array.from(document.querySelectorAll('#leaderboard tbody tr')).map(r => r.cells[5].textContent).join('|')");
        Assert.Matches(@"^[0-9.]+ to [0-9.]+\|", intervals);
        Assert.Equal("≈ best", await Text(browser, "document.querySelector('#leaderboard tbody tr').cells[6].textContent"));

        foreach (var page in new[] { "studies.html", "losses.html" })
        {
            await browser.OpenAsync(Path.Combine(work, page));
            Assert.Empty(browser.Errors);
            Assert.True(await Number(browser, "document.querySelectorAll('#difference-list li').length") >= 1, page);
            var overlay = await Number(browser,
                "Array.from(document.querySelectorAll('.chart svg')).filter(s => s.getBoundingClientRect().width > 200 && s.querySelectorAll('path, polyline').length > 0).length");
            Assert.True(overlay >= 1, $"{page}: {overlay} charts");
        }

        Assert.Contains(" loss vs ", await Text(browser, "document.getElementById('difference-list').textContent"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "compare-by-loss-screenshot.png");
        await browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(browser.Errors);
    }

    private static async Task<int> Number(Chromium browser, string expression) => (await browser.EvaluateAsync(expression))!.GetValue<int>();

    private static async Task<string> Text(Chromium browser, string expression) => (await browser.EvaluateAsync(expression))!.GetValue<string>();
}
