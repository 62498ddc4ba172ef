using System.Globalization;
using Spectre.Console;
using Tuner.Study;

namespace Tuner.Output;

/// <summary>The leaderboard printed at the end of a run: the top trials with their key metrics.</summary>
public static class LeaderboardTable
{
    public static Table Build(StudyInfo study, IReadOnlyList<TrialRecord> ranked, int rows = 10)
    {
        var metric = study.Config.Metric;
        var table = new Table().Title($"[bold]{Markup.Escape(study.Name)}[/]: ranked by validation {Markup.Escape(metric)}");
        table.AddColumns("#", "trial", "trainer", $"valid {metric}", $"train {metric}", "time (s)", "parameters");
        var rank = 0;
        foreach (var trial in ranked.Where(t => t.State == TrialState.Complete).Take(rows))
        {
            table.AddRow(
                (++rank).ToString(CultureInfo.InvariantCulture),
                trial.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(trial.Trainer + (trial.IsBaseline ? " (defaults)" : "")),
                Format(trial.Value),
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

    private static string Format(double? value, string format = "G5") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
