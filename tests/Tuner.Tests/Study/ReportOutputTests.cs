using Tuner.Study;

namespace Tuner.Tests.Study;

public sealed class ReportOutputTests
{
    [Fact]
    public async Task A_study_with_failed_pruned_and_diverged_trials_still_gets_a_full_report()
    {
        var dir = Samples.TempDirectory();
        var space = Samples.WriteCsv(dir, "space.json", """
            { "trainers": {
                "mlp": { "class_weights": { "value": "1,2,3" } },
                "sgd": {
                  "learning_rate": { "type": "categorical", "choices": [1e6, 1e-7, 1e-6, 0.05, 0.1] },
                  "batch_size": { "type": "categorical", "choices": [16, 64] },
                  "epochs": { "value": 9 } } } }
            """);

        await StudyHarness.RunAsync(StudyHarness.Options(Samples.Data("spam.csv"), "type", dir, trials: 12, space: space, pruner: "asha"));

        var states = StudyHarness.Trials(dir).Select(t => t.State).ToHashSet();
        Assert.Superset(new HashSet<TrialState> { TrialState.Complete, TrialState.Failed, TrialState.Diverged, TrialState.Pruned }, states);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        foreach (var state in new[] { "complete", "failed", "diverged", "pruned" })
            Assert.Contains($"class=\"state-{state}\"", html);
        var start = html.IndexOf("id=\"leaderboard\"", StringComparison.Ordinal);
        var leaderboard = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        Assert.Equal(12, leaderboard.Split("<tr id=\"row-").Length - 1); // one row per trial
        foreach (var section in new[] { "id=\"diagnosis\"", "id=\"curves\"", "id=\"effects\"", "Optimisation history" })
            Assert.Contains(section, html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal)); // nothing fetched from the network
    }
}
