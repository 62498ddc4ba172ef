using System.Text;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>Writes one self-contained HTML report of a study: summary, diagnosis, leaderboard, learning curves, knob effects.</summary>
internal static class StudyReport
{
    public static string Render(StudyReportData study, IReadOnlyCollection<int>? curvesOf = null)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>Tuner report: {Html.Text(study.Name)}</title><style>{ReportAssets.Style}</style></head><body>");
        html.Append($"<h1>{Html.Text(study.Name)}</h1><p class=\"sub\">{Html.Text(study.Task)} task, ranked by validation {Html.Text(study.Metric)} ")
            .Append(study.HigherIsBetter ? "(higher is better)" : "(lower is better)")
            .Append($", seed {study.Seed}, created {study.Created:yyyy-MM-dd HH:mm} UTC</p>");
        SummarySection.Write(html, study);
        html.Append("<h2 id=\"diagnosis\">Diagnosis</h2><p class=\"sub\">Each trial is judged by explicit rules on its learning curve (or, for trainers without one, on its training and validation metric); the rules are listed in the README.</p>");
        DiagnosisSection.WriteSummary(html, study);
        ReevaluationSection.Write(html, study);
        SizeCurveSection.Write(html, study);
        html.Append("<h2 id=\"leaderboard-section\">Leaderboard</h2><p class=\"sub\">Click a column to sort. The gap is training minus validation: a large gap is a sign of overfitting.</p>");
        LeaderboardSection.Write(html, study);
        html.Append("<h2 id=\"curves\">Learning curves</h2>");
        CurvesSection.Write(html, study, curvesOf ?? []);
        html.Append("<h2 id=\"effects\">Effects of each knob</h2>");
        EffectsSection.Write(html, study);
        html.Append($"<script>{ReportAssets.Script}</script></body></html>");
        return html.ToString();
    }

    public static void Write(StudyReportData study, string path, IReadOnlyCollection<int>? curvesOf = null) =>
        File.WriteAllText(path, Render(study, curvesOf));
}
