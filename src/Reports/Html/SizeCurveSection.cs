using System.Text;
using Tuner.Reports.Charts;
using Tuner.Reports.Diagnosis;
using Tuner.Reports.Model;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Reports.Html;

/// <summary>The winner trained on growing shares of the training rows: the classic bias/variance picture, with its verdict.</summary>
internal static class SizeCurveSection
{
    public static void Write(StringBuilder html, StudyReportData study)
    {
        if (study.SizeCurve is not { Count: > 1 } points || study.Best is not { } best) return;
        var task = Enum.TryParse<TaskKind>(study.Task, ignoreCase: true, out var parsed) ? parsed : TaskKind.Binary;
        html.Append("<h2 id=\"size-curve\">More data or more capacity?</h2>")
            .Append($"<p class=\"sub\">The winner (trial {best.Number}, {Html.Text(best.Trainer)}) trained again on {string.Join(", ", points.Select(p => $"{p.Share:P0}"))} of the training rows, ")
            .Append($"{points[^1].Validation.Count} seed(s) each, scored on those rows and on the validation rows.</p>");
        if (MetricInfo.Find(task, study.Metric) is { } metric && SizeVerdict.Judge(points, metric) is { } verdict)
            html.Append($"<p class=\"verdict\"><b>{Html.Text(verdict.Text)}</b></p>");
        html.Append("<div class=\"chart\">").Append(CurveCharts.BySize(points, study.Metric)).Append("</div>");
    }
}
