using ScottPlot;
using Tuner.Reports.Analysis;
using Tuner.Reports.Model;

namespace Tuner.Reports.Charts;

/// <summary>
/// Parallel coordinates of the best trials of the winning trainer: one vertical axis per knob (scaled to its
/// range, log for wide positive ranges, choices by index), one line per trial, darker for better trials.
/// </summary>
internal static class ParallelCoordinates
{
    public const int TrialsShown = 15;

    public static string? Render(IReadOnlyList<ReportTrial> ranked)
    {
        var best = ranked.FirstOrDefault(t => t.State == "complete" && t.Value.HasValue);
        if (best is null) return null;
        var top = KnobValues.Complete(ranked).Where(t => t.Trainer == best.Trainer).Take(TrialsShown).ToList();
        var knobs = KnobValues.From(top).Where(k => k.Knob != "trainer" && k.Settings.Count == top.Count && k.Varies).ToList();
        if (top.Count < 2 || knobs.Count < 2) return null;

        var plot = new Plot();
        var axes = knobs.Select(Scale).ToList();
        for (var i = top.Count - 1; i >= 0; i--) // worst first, so the best line is drawn on top
        {
            var ys = knobs.Select((k, a) => axes[a](top[i].Parameters[k.Knob])).ToArray();
            var line = plot.Add.Scatter(Enumerable.Range(0, knobs.Count).Select(a => (double)a).ToArray(), ys);
            var shade = (byte)(40 + 180 * i / Math.Max(1, top.Count - 1));
            line.Color = new Color(shade, shade, 255);
            line.LineWidth = i == 0 ? 3 : 1.5f;
            line.MarkerSize = 4;
        }

        Svg.NamedTicks(plot.Axes.Bottom, knobs.Select(k => k.Knob).ToArray());
        plot.YLabel("scaled setting (0 low, 1 high)");
        plot.Axes.SetLimitsY(-0.05, 1.05);
        return Svg.Render(plot, 900, 340);
    }

    private static Func<string, double> Scale(KnobValues knob)
    {
        if (!knob.IsNumeric)
        {
            var count = knob.Choices.Count;
            return text => count == 1 ? 0.5 : (double)knob.CodeOf(text) / (count - 1);
        }

        var values = knob.Settings.Select(s => KnobValues.Number(s.Text)).ToList();
        var log = KnobCharts.UseLogAxis(values);
        Func<double, double> map = log ? Math.Log10 : v => v;
        double low = values.Min(map), high = values.Max(map);
        return text => KnobValues.TryNumber(text, out var v) && high > low ? (map(v) - low) / (high - low) : 0.5;
    }
}
