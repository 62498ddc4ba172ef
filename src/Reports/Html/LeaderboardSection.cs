using System.Text;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>
/// The best trials in one table, sortable by any column, training and validation metric side by side. A study of
/// thousands of trials shows its best <see cref="RowsShown"/>, so the report stays small and fast; every trial is in
/// leaderboard.csv, written next to the report.
/// </summary>
internal static class LeaderboardSection
{
    public const int RowsShown = 100;

    public static void Write(StringBuilder html, StudyReportData study)
    {
        int total = study.RankedTrials.Count;
        if (total > RowsShown)
            html.Append($"<p>The best {RowsShown} of {total:N0} trials; all of them, with every setting and metric, are in <a href=\"leaderboard.csv\">leaderboard.csv</a> next to this report.</p>");
        var metrics = study.RankedTrials.SelectMany(t => t.Metrics.Keys)
            .Where(k => k.StartsWith("valid_", StringComparison.Ordinal) && !k.EndsWith("_std", StringComparison.Ordinal)
                && !k.EndsWith("_low", StringComparison.Ordinal) && !k.EndsWith("_high", StringComparison.Ordinal))
            .Select(k => k[6..]).Distinct().OrderBy(k => k == study.Metric ? "" : k, StringComparer.Ordinal).ToList();
        html.Append("<div class=\"scroll\"><table class=\"sortable\" id=\"leaderboard\"><thead><tr>");
        foreach (var header in new[] { "rank", "trial", "trainer", "state" })
            html.Append($"<th class=\"sortable\">{header}</th>");
        var ranking = study.Metric;
        html.Append($"<th class=\"sortable\">valid {Html.Text(ranking)}</th><th class=\"sortable\">95% interval</th>")
            .Append("<th class=\"sortable\" title=\"within noise of the best: the 95% interval of the difference, paired on the same validation rows, contains 0\">tied with best</th>")
            .Append($"<th class=\"sortable\">train {Html.Text(ranking)}</th><th class=\"sortable\">gap</th>");
        foreach (var metric in metrics.Where(m => m != ranking))
            html.Append($"<th class=\"sortable\">valid {Html.Text(metric)}</th>");
        html.Append("<th class=\"sortable\">time (s)</th><th class=\"sortable\">diagnosis</th><th>settings / outcome</th></tr></thead><tbody>");
        var rank = 0;
        foreach (var trial in study.RankedTrials.Take(RowsShown))
        {
            var ranked = trial.State == "complete" && trial.Value.HasValue;
            html.Append($"<tr id=\"row-{trial.Number}\">");
            Cell(html, ranked ? (++rank).ToString(System.Globalization.CultureInfo.InvariantCulture) : "", ranked ? rank : null);
            Cell(html, trial.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), trial.Number);
            html.Append($"<td data-key=\"{Html.Text(trial.Trainer)}\">{Html.Text(trial.Trainer)}{(trial.IsBaseline ? " <small>(defaults)</small>" : "")}</td>");
            html.Append($"<td data-key=\"{Html.Text(trial.State)}\" class=\"state-{Html.Text(trial.State)}\">{Html.Text(trial.State)}</td>");
            Cell(html, Html.Number(trial.Metric($"valid_{ranking}")), trial.Metric($"valid_{ranking}"));
            var (low, high) = (trial.Metric($"valid_{ranking}_low"), trial.Metric($"valid_{ranking}_high"));
            Cell(html, double.IsFinite(low) ? $"{Html.Number(low, "G4")} to {Html.Number(high, "G4")}" : "–", high - low);
            html.Append($"<td class=\"tie\" data-key=\"{(trial.TiedWithBest ? 1 : 0)}\">{(trial.TiedWithBest ? "≈ best" : "")}</td>");
            Cell(html, Html.Number(trial.Metric($"train_{ranking}")), trial.Metric($"train_{ranking}"));
            Cell(html, Html.Number(SummarySection.Gap(trial, ranking)), SummarySection.Gap(trial, ranking));
            foreach (var metric in metrics.Where(m => m != ranking))
                Cell(html, Html.Number(trial.Metric($"valid_{metric}")), trial.Metric($"valid_{metric}"));

            Cell(html, Html.Number(trial.DurationSeconds, "F1"), trial.DurationSeconds);
            var fit = TrialDiagnoses.For(study, trial) is { } diagnosis ? TrialDiagnoses.Label(diagnosis.Kind) : "";
            html.Append($"<td data-key=\"{fit}\">{fit}</td>");
            var outcome = trial.Error is { Length: > 0 } error ? $"<br><i>{Html.Text(error)}</i>" : "";
            html.Append($"<td class=\"params\">{Html.Text(SummarySection.ParameterText(trial))}{outcome}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void Cell(StringBuilder html, string text, double? key) =>
        html.Append($"<td class=\"num\" data-key=\"{Html.SortKey(key)}\">{text}</td>");
}
