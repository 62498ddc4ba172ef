using System.Text;
using Tuner.Reports.Analysis;
using Tuner.Reports.Charts;
using Tuner.Reports.Model;

namespace Tuner.Reports.Html;

/// <summary>What each knob did: the search history, parameter importance, and the metric against each knob.</summary>
internal static class EffectsSection
{
    /// <summary>The knobs the mission is about come first; any others follow in name order.</summary>
    private static readonly string[] Preferred = ["trainer", "loss", "schedule", "optimizer", "batch_size", "epochs", "l1", "l2", "learning_rate"];

    public const int MaxKnobCharts = 14;

    public static void Write(StringBuilder html, StudyReportData study)
    {
        var shown = ChartSample.Of(study.RankedTrials);
        if (shown.Count < study.RankedTrials.Count)
            html.Append($"<p class=\"sub\">The charts plot {shown.Count:N0} of the {study.RankedTrials.Count:N0} trials: the best {ChartSample.Limit / 2:N0} and an even sample of the rest.</p>");
        html.Append("<div class=\"effects\"><div class=\"chart\"><h3>Optimisation history</h3>")
            .Append(KnobCharts.History(shown, study.HigherIsBetter, study.Metric)).Append("</div>");
        var importance = ParameterImportance.Compute(shown, study.Seed);
        if (importance.Count > 0)
            html.Append("<div class=\"chart\"><h3>Parameter importance</h3>").Append(KnobCharts.Importance(importance, study.Metric)).Append("</div>");
        html.Append("</div>");
        if (ParallelCoordinates.Render(study.RankedTrials) is { } parallel)
        {
            html.Append($"<div class=\"chart\"><h3>Top {ParallelCoordinates.TrialsShown} trials of the winning trainer, knob by knob (the best drawn thickest)</h3>")
                .Append(parallel).Append("</div>");
        }

        html.Append("<div class=\"effects\">");

        var knobs = KnobValues.From(shown)
            .Where(k => k.Varies)
            .OrderBy(k => Array.IndexOf(Preferred, k.Knob) is var i && i >= 0 ? i : Preferred.Length)
            .ThenBy(k => k.Knob, StringComparer.Ordinal)
            .Take(MaxKnobCharts);
        foreach (var knob in knobs)
        {
            html.Append($"<div class=\"chart\"><h3>{Html.Text(knob.Knob)}</h3>");
            html.Append(knob.IsNumeric
                ? KnobCharts.ByNumber(knob.Settings.Select(s => (KnobValues.Number(s.Text), s.Trial.Value!.Value)).ToList(), "setting", study.Metric)
                : KnobCharts.ByCategory(knob.Settings.Select(s => (knob.CodeOf(s.Text), s.Trial.Value!.Value)).ToList(), knob.Choices, study.Metric));
            html.Append("</div>");
        }

        html.Append("</div>");
    }
}
