using System.Text;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>The top of a report: dataset, budget used, the winner and the baseline it beats.</summary>
internal static class SummarySection
{
    public static void Write(StringBuilder html, StudyReportData study)
    {
        var trials = study.RankedTrials;
        var states = string.Join(", ", trials.GroupBy(t => t.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        var seconds = trials.Sum(t => t.DurationSeconds ?? 0);
        html.Append("<div class=\"cards\">");
        Card(html, "dataset", $"{Html.Text(Path.GetFileName(study.DataPath))}<br>{study.Rows:N0} rows, {study.FeatureColumns:N0} features, {Html.Text(study.Task)}");
        Card(html, "label", $"{Html.Text(study.Label)}<br>{Balance(study)}");
        Card(html, "validation", study.Folds > 1 ? $"{study.Folds}-fold cross-validation (mean ± standard deviation)"
            : study.ValidationPath is { } file ? $"held-out file {Html.Text(Path.GetFileName(file))}" : "seeded 80/20 holdout, stratified by class");
        Card(html, "budget used", $"{trials.Count} trials ({Html.Text(states)})<br>{seconds:N0} s of training");
        html.Append("</div>");
        if (study.RowRungs is { } rungs) html.Append("<p id=\"row-rungs\">").Append(Html.Text(rungs.Text)).Append("</p>");
        html.Append("<details><summary>Featurization (fitted on training rows only)</summary><p class=\"params\">")
            .Append(Html.Text(study.Featurization)).Append("</p></details>");

        if (study.Best is not { } best)
        {
            html.Append("<p>No trial completed yet.</p>");
            return;
        }

        var metric = study.Metric;
        html.Append("<h2 id=\"best\">Best trial</h2><div class=\"cards\">");
        Card(html, $"validation {Html.Text(metric)}", $"{Html.Number(best.Value)}{Spread(best, metric)}{Interval(best, metric)}<br>{TiedCount(study)}trial {best.Number}, {Html.Text(best.Trainer)}{(best.IsBaseline ? " (defaults)" : "")}");
        Card(html, $"training {Html.Text(metric)}", $"{Html.Number(best.Metric($"train_{metric}"))}<br>gap {Html.Number(Gap(best, metric))}");
        if (study.BestBaseline is { } baseline && baseline.Number != best.Number)
            Card(html, "beats the best defaults", $"{Html.Text(baseline.Trainer)} at {Html.Number(baseline.Value)}<br>by {Html.Number(Math.Abs(best.Value!.Value - baseline.Value!.Value))} {Html.Text(metric)}");
        html.Append("</div>");
        html.Append("<p class=\"params\">").Append(Html.Text(ParameterText(best))).Append("</p>");
        html.Append("<table><thead><tr><th>metric</th><th>validation</th><th>training</th></tr></thead><tbody>");
        foreach (var name in best.Metrics.Keys.Where(k => k.StartsWith("valid_", StringComparison.Ordinal) && !k.EndsWith("_std", StringComparison.Ordinal)
            && !k.EndsWith("_low", StringComparison.Ordinal) && !k.EndsWith("_high", StringComparison.Ordinal)).Select(k => k[6..]).Order())
            html.Append($"<tr><td>{Html.Text(name)}</td><td class=\"num\">{Html.Number(best.Metric($"valid_{name}"))}{Spread(best, name)}</td><td class=\"num\">{Html.Number(best.Metric($"train_{name}"))}</td></tr>");
        html.Append("</tbody></table>");
    }

    public static double Gap(ReportTrial trial, string metric) => trial.Metric($"train_{metric}") - trial.Metric($"valid_{metric}");

    public static string ParameterText(ReportTrial trial) =>
        trial.Parameters.Count == 0 ? "default settings" : string.Join("  ", trial.Parameters.Select(p => $"{p.Key}={p.Value}"));

    private static string Spread(ReportTrial trial, string metric) =>
        trial.Metrics.TryGetValue($"valid_{metric}_std", out var std) ? $" ± {Html.Number(std, "G3")}" : "";

    private static string Interval(ReportTrial trial, string metric) =>
        trial.Metrics.TryGetValue($"valid_{metric}_low", out var low) && trial.Metrics.TryGetValue($"valid_{metric}_high", out var high)
            ? $"<br><small>95% interval {Html.Number(low, "G4")} to {Html.Number(high, "G4")}</small>"
            : "";

    private static string TiedCount(StudyReportData study) =>
        study.RankedTrials.Count(t => t.TiedWithBest) is var tied and > 1 ? $"{tied - 1} other trial(s) tied with it within noise<br>" : "";

    private static string Balance(StudyReportData study)
    {
        if (study.Classes.Count == 0) return "numeric target";
        if (study.ClassCounts is not { } counts || counts.Count != study.Classes.Count) return $"{study.Classes.Count} classes";
        var total = Math.Max(1, counts.Sum());
        return string.Join(", ", study.Classes.Zip(counts).OrderByDescending(c => c.Second).Take(8)
            .Select(c => $"{Html.Text(c.First)} {100.0 * c.Second / total:F1}%")) + (study.Classes.Count > 8 ? ", …" : "");
    }

    private static void Card(StringBuilder html, string title, string body) =>
        html.Append($"<div class=\"card\"><b>{title}</b>{body}</div>");
}
