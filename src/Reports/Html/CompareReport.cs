using System.Text;
using Tuner.Reports.Analysis;
using Tuner.Reports.Charts;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>
/// Two or more studies side by side (same or different datasets): their best metrics and settings, how much
/// each knob mattered in each (permutation importance, with the best trial's setting), and their histories.
/// </summary>
internal static class CompareReport
{
    public static string Render(IReadOnlyList<StudyReportData> studies)
    {
        var html = new StringBuilder(64 * 1024);
        var names = string.Join(" vs ", studies.Select(s => s.Name));
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Tuner comparison: {Html.Text(names)}</title><style>{ReportAssets.Style}</style></head><body>")
            .Append($"<h1>Comparison: {Html.Text(names)}</h1>");

        html.Append("<h2>Best of each study</h2><table class=\"sortable\" id=\"compare\"><thead><tr>");
        foreach (var header in new[] { "study", "dataset", "task", "metric", "trials", "best", "train", "best trainer", "best defaults" })
            html.Append($"<th class=\"sortable\">{header}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var study in studies)
        {
            var best = study.Best;
            var baseline = study.BestBaseline;
            html.Append("<tr>")
                .Append(Cell(study.Name)).Append(Cell($"{Path.GetFileName(study.DataPath)} ({study.Rows:N0} rows)"))
                .Append(Cell(study.Task)).Append(Cell(study.Metric + (study.HigherIsBetter ? " ↑" : " ↓")))
                .Append(NumberCell(study.RankedTrials.Count, "F0"))
                .Append(NumberCell(best?.Value)).Append(NumberCell(best?.Metric($"train_{study.Metric}")))
                .Append(Cell(best is null ? "–" : best.Trainer)).Append(Cell(baseline is null ? "–" : $"{baseline.Trainer} {Html.Number(baseline.Value)}"))
                .Append("</tr>");
        }

        html.Append("</tbody></table><h2>Best settings</h2>");
        foreach (var study in studies.Where(s => s.Best is not null))
            html.Append($"<p><b>{Html.Text(study.Name)}</b> ({Html.Text(study.Best!.Trainer)}): <span class=\"params\">{Html.Text(SummarySection.ParameterText(study.Best))}</span></p>");

        WriteKnobTable(html, studies);

        html.Append("<h2>Optimisation histories</h2><div class=\"effects\">");
        foreach (var study in studies)
            html.Append($"<div class=\"chart\"><h3>{Html.Text(study.Name)}</h3>")
                .Append(KnobCharts.History(study.RankedTrials, study.HigherIsBetter, study.Metric)).Append("</div>");
        html.Append($"</div><script>{ReportAssets.Script}</script></body></html>");
        return html.ToString();
    }

    public static void Write(IReadOnlyList<StudyReportData> studies, string path) => File.WriteAllText(path, Render(studies));

    private static void WriteKnobTable(StringBuilder html, IReadOnlyList<StudyReportData> studies)
    {
        var importance = studies.Select(s => ParameterImportance.Compute(s.RankedTrials, s.Seed).ToDictionary(i => i.Knob, i => i.Importance)).ToList();
        var shares = importance.Select(i => { var total = i.Values.Sum(v => Math.Max(0, v)); return i.ToDictionary(kv => kv.Key, kv => total > 0 ? Math.Max(0, kv.Value) / total : 0); }).ToList();
        var knobs = importance.SelectMany(i => i.Keys).Distinct()
            .OrderByDescending(k => shares.Max(s => s.GetValueOrDefault(k))).ThenBy(k => k, StringComparer.Ordinal).ToList();
        html.Append("<h2>How each knob mattered</h2><p class=\"sub\">Importance is the rise in the error of a random forest that predicts the study's metric from the settings when that knob is shuffled; shares sum to 100% per study. The value in brackets is the best trial's setting.</p>");
        if (knobs.Count == 0)
        {
            html.Append($"<p>Too few complete trials for importance (at least {ParameterImportance.MinimumTrials} per study).</p>");
            return;
        }

        html.Append("<table class=\"sortable\"><thead><tr><th class=\"sortable\">knob</th>");
        foreach (var study in studies) html.Append($"<th class=\"sortable\">{Html.Text(study.Name)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var knob in knobs)
        {
            html.Append("<tr>").Append(Cell(knob));
            for (var s = 0; s < studies.Count; s++)
            {
                var share = shares[s].TryGetValue(knob, out var v) ? 100 * v : (double?)null;
                var best = studies[s].Best;
                var setting = best is null ? null : knob == "trainer" ? best.Trainer : best.Parameters.GetValueOrDefault(knob);
                html.Append($"<td class=\"num\" data-key=\"{Html.SortKey(share)}\">{(share is { } p ? $"{p:F0}%" : "–")}")
                    .Append(setting is null ? "" : $" <small>({Html.Text(setting)})</small>").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static string Cell(string text) => $"<td data-key=\"{Html.Text(text)}\">{Html.Text(text)}</td>";

    private static string NumberCell(double? value, string format = "G5") => $"<td class=\"num\" data-key=\"{Html.SortKey(value)}\">{Html.Number(value, format)}</td>";
}
