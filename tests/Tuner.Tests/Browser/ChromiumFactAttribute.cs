namespace Tuner.Tests.Browser;

/// <summary>
/// A fact that needs Debian's Chromium. Without it the test is skipped with the reason shown, unless
/// TUNER_REQUIRE_BROWSER=1 (set by .ci/run, which installs Chromium), where a missing browser fails it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && Environment.GetEnvironmentVariable("TUNER_REQUIRE_BROWSER") != "1")
            Skip = "SKIPPED: no Chromium at /usr/bin/chromium (or $TUNER_CHROMIUM); `apt-get install chromium` to run the browser tests. CI always runs them.";
    }
}
