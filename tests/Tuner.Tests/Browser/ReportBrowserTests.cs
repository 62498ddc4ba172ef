using Tuner.Tests.Study;

namespace Tuner.Tests.Browser;

public sealed class ReportBrowserTests
{
    [ChromiumFact]
    public async Task The_report_of_a_real_study_renders_in_Chromium_without_errors()
    {
        var dir = Samples.TempDirectory();
        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("breastcancer_wisc_na.csv"), "Class", dir, trials: 14,
            trainers: "sgd,mlp,lightgbm,lbfgs", ignore: ["Id"], pruner: "asha"));
        var report = Path.Combine(dir, "report.html");

        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(report);

        Assert.Empty(browser.Errors);
        var charts = (await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('.chart svg')).filter(s => s.getBoundingClientRect().width > 200 && s.querySelectorAll('path, polyline').length > 0).length"))!.GetValue<int>();
        Assert.True(charts >= 2, $"{charts} charts rendered");
        var rows = (await browser.EvaluateAsync("document.querySelectorAll('#leaderboard tbody tr').length"))!.GetValue<int>();
        Assert.Equal(14, rows);

        // Sorting by trial number (second column) twice gives ascending, then descending order.
        const string trialColumn = "Array.from(document.querySelectorAll('#leaderboard tbody tr')).map(r => +r.cells[1].dataset.key)";
        await browser.EvaluateAsync("document.querySelectorAll('#leaderboard th')[1].click()");
        var ascending = (await browser.EvaluateAsync(trialColumn))!.AsArray().Select(n => n!.GetValue<double>()).ToList();
        Assert.Equal(ascending.Order(), ascending);
        await browser.EvaluateAsync("document.querySelectorAll('#leaderboard th')[1].click()");
        var descending = (await browser.EvaluateAsync(trialColumn))!.AsArray().Select(n => n!.GetValue<double>()).ToList();
        Assert.Equal(descending.OrderDescending(), descending);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        await browser.ScreenshotAsync(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(browser.Errors);
    }
}
