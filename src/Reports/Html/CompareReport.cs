using System.Text;
using Tuner.Reports.Analysis;
using Tuner.Reports.Charts;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>
/// Two or more studies side by side (same or different datasets), or one study's best trial of each value of a knob:
/// their best metrics and settings, whether their differences are beyond noise, their learning curves overlaid, and,
/// across studies, how much each knob mattered in each (permutation importance, with the best trial's setting) and their histories.
/// </summary>
internal static class CompareReport
{
    /// <summary>
    /// The page for <paramref name="entries"/>: one per study (compare --study), or one per value of <paramref name="knob"/>
    /// within one study (compare --by): the best of each, the paired differences against the leader, the best trials'
    /// learning curves overlaid, and, across studies, how each knob mattered and the optimisation histories.
    /// </summary>
    public static string Render(IReadOnlyList<ComparedEntry> entries, string? knob = null)
    {
        var html = new StringBuilder(64 * 1024);
        var names = string.Join(" vs ", entries.Select(e => e.Label));
        var title = knob is null ? names : $"{entries[0].Study.Name} by {knob}: {names}";
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Tuner comparison: {Html.Text(title)}</title><style>{ReportAssets.Style}</style></head><body>")
            .Append($"<h1>Comparison: {Html.Text(title)}</h1>");

        html.Append(knob is null ? "<h2>Best of each study</h2>" : $"<h2>Best trial of each {Html.Text(knob)}</h2>")
            .Append("<table class=\"sortable\" id=\"compare\"><thead><tr>");
        foreach (var header in new[] { knob ?? "study", "dataset", "task", "metric", "trials", "best", "95% interval", "train", "best trainer", "trial", "best defaults" })
            html.Append($"<th class=\"sortable\">{header}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var entry in entries)
        {
            var (study, best) = (entry.Study, entry.Best);
            var baseline = study.BestBaseline;
            var (low, high) = (best.Metric($"valid_{study.Metric}_low"), best.Metric($"valid_{study.Metric}_high"));
            html.Append("<tr>")
                .Append(Cell(entry.Label)).Append(Cell($"{Path.GetFileName(study.DataPath)} ({study.Rows:N0} rows)"))
                .Append(Cell(study.Task)).Append(Cell(study.Metric + (study.HigherIsBetter ? " ↑" : " ↓")))
                .Append(NumberCell(entry.Trials, "F0"))
                .Append(NumberCell(best.Value))
                .Append($"<td class=\"num\">{(double.IsFinite(low) ? $"{Html.Number(low, "G4")} to {Html.Number(high, "G4")}" : "–")}</td>")
                .Append(NumberCell(best.Metric($"train_{study.Metric}")))
                .Append(Cell(best.Trainer)).Append(NumberCell(best.Number, "F0"))
                .Append(Cell(baseline is null ? "–" : $"{baseline.Trainer} {Html.Number(baseline.Value)}"))
                .Append("</tr>");
        }

        html.Append("</tbody></table>");
        DifferencesSection.Write(html, entries);

        html.Append("<h2>Best settings</h2>");
        foreach (var entry in entries)
            html.Append($"<p><b>{Html.Text(entry.Label)}</b> (trial {entry.Best.Number}, {Html.Text(entry.Best.Trainer)}): <span class=\"params\">{Html.Text(SummarySection.ParameterText(entry.Best))}</span></p>");

        var curves = entries.Where(e => e.Best.Curve.Count > 0).Select(e => (e.Label, e.Best.Curve)).ToList();
        html.Append("<h2 id=\"overlay\">Learning curves of the best trials</h2>");
        html.Append(curves.Count == 0
            ? "<p>None of these trials reports a curve (only the SGD and MLP trainers and boosted trees do).</p>"
            : $"<p class=\"sub\">Validation {Html.Text(entries[0].Study.Metric)} per epoch (or boosting round) of each best trial{(curves.Count < entries.Count ? "; trials of trainers without a curve are left out" : "")}.</p><div class=\"chart\">{CurveCharts.Overlay(curves, entries[0].Study.Metric)}</div>");

        if (knob is null)
        {
            WriteKnobTable(html, entries);
            html.Append("<h2>Optimisation histories</h2><div class=\"effects\">");
            foreach (var entry in entries)
                html.Append($"<div class=\"chart\"><h3>{Html.Text(entry.Label)}</h3>")
                    .Append(KnobCharts.History(entry.Study.RankedTrials, entry.Study.HigherIsBetter, entry.Study.Metric)).Append("</div>");
            html.Append("</div>");
        }

        html.Append($"<script>{ReportAssets.Script}</script></body></html>");
        return html.ToString();
    }

    public static void Write(IReadOnlyList<ComparedEntry> entries, string path, string? knob = null) => File.WriteAllText(path, Render(entries, knob));

    private static void WriteKnobTable(StringBuilder html, IReadOnlyList<ComparedEntry> entries)
    {
        var studies = entries.Select(e => e.Study).ToList();
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
        foreach (var entry in entries) html.Append($"<th class=\"sortable\">{Html.Text(entry.Label)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var knob in knobs)
        {
            html.Append("<tr>").Append(Cell(knob));
            for (var s = 0; s < studies.Count; s++)
            {
                var share = shares[s].TryGetValue(knob, out var v) ? 100 * v : (double?)null;
                var best = entries[s].Best;
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
