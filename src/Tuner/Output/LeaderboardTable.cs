using System.Globalization;
using Spectre.Console;
using Tuner.Study;

namespace Tuner.Output;

/// <summary>
/// The leaderboard printed at the end of a run: the top trials with their key metrics, the ranking metric's 95%
/// interval, and "≈ best" for the trials tied with the best within noise.
/// </summary>
public static class LeaderboardTable
{
    public static Table Build(StudyInfo study, IReadOnlyList<TrialRecord> ranked, IReadOnlySet<int> tiedWithBest, int rows = 10)
    {
        var metric = study.Config.Metric;
        var table = new Table().Title($"[bold]{Markup.Escape(study.Name)}[/]: ranked by validation {Markup.Escape(metric)}");
        table.AddColumns("#", "trial", "trainer", $"valid {metric}", "95% interval", "≈ best", $"train {metric}", "time (s)", "parameters");
        var rank = 0;
        foreach (var trial in ranked.Where(t => t.State == TrialState.Complete).Take(rows))
        {
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture),
                trial.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(trial.Trainer + (trial.IsBaseline ? " (defaults)" : "")),
                Format(trial.Value),
                Interval(trial, metric),
                tiedWithBest.Contains(trial.Number) ? "yes" : "",
                Format(trial.Metrics.GetValueOrDefault($"train_{metric}", double.NaN)),
                Format(trial.DurationSeconds, "F1"),
                Markup.Escape(Compact(trial.Parameters)));
        }

        var states = ranked.GroupBy(t => t.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        table.Caption(string.Join(", ", states));
        return table;
    }

    private static string Compact(Tuner.Trainers.Training.HyperParameters parameters) =>
        string.Join(" ", parameters.Values.Select(p => $"{p.Key}={(p.Value is double d ? d.ToString("G3", CultureInfo.InvariantCulture) : p.Value)}"));

    private static string Interval(TrialRecord trial, string metric) =>
        trial.Metrics.TryGetValue($"valid_{metric}_low", out var low) && trial.Metrics.TryGetValue($"valid_{metric}_high", out var high)
            ? $"{Format(low, "G4")}–{Format(high, "G4")}"
            : "-";

    private static string Format(double? value, string format = "G5") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
