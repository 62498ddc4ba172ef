using System.Text;
using Tuner.Reports.Charts;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>Learning curves of the best trials that have them (our own trainers report every epoch).</summary>
internal static class CurvesSection
{
    public const int TrialsShown = 6;

    /// <summary>Curves of the best <see cref="TrialsShown"/> trials that have one, plus any trial asked for by number.</summary>
    public static void Write(StringBuilder html, StudyReportData study, IReadOnlyCollection<int> requested)
    {
        var top = study.RankedTrials.Where(t => t.Curve.Count > 0).Take(TrialsShown);
        var withCurves = top.Concat(study.RankedTrials.Where(t => requested.Contains(t.Number))).Distinct().ToList();
        if (withCurves.Count == 0)
        {
            html.Append("<p>No trial reported per-epoch values (ML.NET's trainers do not; the sgd and mlp trainers do).</p>");
            return;
        }

        foreach (var trial in withCurves)
        {
            var best = CurveCharts.BestEpoch(trial.Curve);
            html.Append($"<h3 id=\"trial-{trial.Number}\">Trial {trial.Number}: {Html.Text(trial.Trainer)}, {Html.Text(trial.State)}, validation {Html.Text(study.Metric)} {Html.Number(trial.Value)}")
                .Append(best is { } b ? $", best epoch {b} of {trial.Curve.Count}" : "").Append("</h3>");
            html.Append("<p class=\"params\">").Append(Html.Text(SummarySection.ParameterText(trial))).Append("</p>");
            if (TrialDiagnoses.For(study, trial) is { } diagnosis) DiagnosisSection.WriteFindings(html, diagnosis);
            html.Append("<div class=\"curves\"><div class=\"chart\">").Append(CurveCharts.Losses(trial.Curve))
                .Append("</div><div class=\"chart\">").Append(CurveCharts.Signals(trial.Curve)).Append("</div></div>");
        }
    }
}
