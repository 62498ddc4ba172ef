using System.Text;
using Tuner.Reports.Diagnosis;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>How the trials fitted, counted by diagnosis, and one trial's findings written out in full.</summary>
internal static class DiagnosisSection
{
    public static void WriteSummary(StringBuilder html, StudyReportData study)
    {
        var diagnosed = study.RankedTrials.Select(t => (Trial: t, Diagnosis: TrialDiagnoses.For(study, t))).Where(d => d.Diagnosis is not null).ToList();
        html.Append("<table><thead><tr><th>diagnosis</th><th class=\"num\">trials</th><th>best of them</th><th>what to change</th></tr></thead><tbody>");
        foreach (var group in diagnosed.GroupBy(d => d.Diagnosis!.Kind).OrderBy(g => g.Key))
        {
            var top = group.First();
            html.Append($"<tr><td>{TrialDiagnoses.Label(group.Key)}</td><td class=\"num\">{group.Count()}</td>")
                .Append($"<td><a href=\"#row-{top.Trial.Number}\">trial {top.Trial.Number}</a> {Html.Text(top.Trial.Trainer)}</td>")
                .Append($"<td>{Html.Text(string.Join("; ", top.Diagnosis!.Recommendations))}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    public static void WriteFindings(StringBuilder html, FitDiagnosis diagnosis)
    {
        foreach (var finding in diagnosis.Findings)
        {
            html.Append($"<div class=\"finding kind-{finding.Kind}\"><b>{Html.Text(finding.Title)}</b><ul>");
            foreach (var evidence in finding.Evidence) html.Append($"<li>{Html.Text(evidence)}</li>");
            foreach (var advice in finding.Recommendations) html.Append($"<li class=\"advice\">→ {Html.Text(advice)}</li>");
            html.Append("</ul></div>");
        }
    }
}
