using Tuner.Tests.Study;

namespace Tuner.Tests.Browser;

public sealed class EscapingTests
{
    private const string ScriptColumn = "<script>window.pwned=1</script>";
    private const string ImageClass = "<img src=x onerror=window.pwned=2>";

    private static async Task<string> ReportWithHostileNames()
    {
        var dir = Samples.TempDirectory();
        var random = new Random(5);
        var rows = string.Concat(Enumerable.Range(0, 120).Select(i =>
        {
            var x = random.NextDouble();
            return $"{x:F4},{(i % 3 == 0 ? "\"<b>bold</b>\"" : "plain")},\"{(x + 0.3 * random.NextDouble() > 0.6 ? ImageClass : "ok")}\"\n";
        }));
        var data = Samples.WriteCsv(dir, "hostile.csv", $"x,\"<i>cat</i>\",\"{ScriptColumn}\"\n{rows}");
        await StudyHarness.RunAsync(StudyHarness.Options(data, ScriptColumn, dir, trials: 4, trainers: "lbfgs,sgd"));
        return Path.Combine(dir, "report.html");
    }

    [Fact]
    public async Task Names_from_the_data_are_escaped_in_the_html()
    {
        var html = await File.ReadAllTextAsync(await ReportWithHostileNames());

        Assert.DoesNotContain(ScriptColumn, html);
        Assert.DoesNotContain(ImageClass, html);
        Assert.DoesNotContain("<i>cat</i>", html);
        Assert.Contains("&lt;script&gt;window.pwned=1&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=window.pwned=2&gt;", html);
    }

    [ChromiumFact]
    public async Task Names_from_the_data_show_as_text_and_run_nothing_in_a_browser()
    {
        var report = await ReportWithHostileNames();
        await using var browser = await Chromium.StartAsync();
        await browser.OpenAsync(report);

        Assert.Equal("none", (await browser.EvaluateAsync("typeof window.pwned === 'undefined' ? 'none' : String(window.pwned)"))!.GetValue<string>());
        var text = (await browser.EvaluateAsync("document.body.innerText"))!.GetValue<string>();
        Assert.Contains(ScriptColumn, text);
        Assert.Contains(ImageClass, text);
        Assert.Empty(browser.Errors);
    }
}
