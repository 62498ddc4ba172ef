using System.Globalization;
using System.Text;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Output;

/// <summary>
/// Writes leaderboard.csv: one row per trial in rank order, every parameter and metric as a column (with the ranking
/// metric's 95% interval, valid_&lt;metric&gt;_low and _high), and whether the trial is tied with the best within noise.
/// </summary>
internal static class LeaderboardCsv
{
    public static void Write(string path, IReadOnlyList<TrialRecord> ranked, IReadOnlySet<int> tiedWithBest)
    {
        var parameters = ranked.SelectMany(t => t.Parameters.Values.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var metrics = ranked.SelectMany(t => t.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        Row(text, ["rank", "trial", "state", "trainer", "baseline", "value", "tied_with_best", "duration_s", "peak_memory_mb",
            .. parameters.Select(p => $"param_{p}"), .. metrics, "error"]);
        var rank = 0;
        foreach (var trial in ranked)
        {
            var isRanked = trial.State == TrialState.Complete && trial.Value.HasValue;
            Row(text, [
                isRanked ? (++rank).ToString(CultureInfo.InvariantCulture) : "",
                trial.Number.ToString(CultureInfo.InvariantCulture),
                trial.State.ToString().ToLowerInvariant(),
                trial.Trainer,
                trial.IsBaseline ? "yes" : "no",
                Number(trial.Value),
                isRanked ? (tiedWithBest.Contains(trial.Number) ? "yes" : "no") : "",
                Number(trial.DurationSeconds),
                Number(trial.PeakMemoryBytes / (1024.0 * 1024.0)),
                .. parameters.Select(p => trial.Parameters.Values.TryGetValue(p, out var v) ? HyperParameters.Format(v) : ""),
                .. metrics.Select(m => trial.Metrics.TryGetValue(m, out var v) ? Number(v) : ""),
                trial.Error ?? "",
            ]);
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static void Row(StringBuilder text, IEnumerable<string> cells) =>
        text.AppendJoin(',', cells.Select(Quote)).Append('\n');

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"")}\"";
}
