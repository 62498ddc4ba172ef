using System.Globalization;
using ScottPlot;
using Tuner.Reports.Model;

namespace Tuner.Reports.Charts;

/// <summary>How the ranking metric depends on each knob, and how the search progressed.</summary>
internal static class KnobCharts
{
    /// <summary>Every trial's value by trial number, with the best so far as a step line.</summary>
    public static string History(IReadOnlyList<ReportTrial> trials, bool higherIsBetter, string metric)
    {
        var complete = trials.Where(t => t.State == "complete" && t.Value is { } v && double.IsFinite(v)).OrderBy(t => t.Number).ToList();
        var plot = new Plot();
        var x = complete.Select(t => (double)t.Number).ToArray();
        var y = complete.Select(t => t.Value!.Value).ToArray();
        var points = plot.Add.ScatterPoints(x, y);
        points.LegendText = "trial";
        var best = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
            best[i] = i == 0 ? y[0] : higherIsBetter ? Math.Max(best[i - 1], y[i]) : Math.Min(best[i - 1], y[i]);
        if (x.Length > 0)
        {
            var line = plot.Add.Scatter(x, best);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LegendText = "best so far";
        }

        plot.XLabel("trial");
        plot.YLabel($"validation {metric}");
        plot.ShowLegend(Alignment.LowerRight);
        return Svg.Render(plot);
    }

    /// <summary>Values of the trials grouped by a categorical knob, one column of points per choice, named on the axis, with the median marked.</summary>
    public static string ByCategory(IReadOnlyList<(int Choice, double Value)> points, IReadOnlyList<string> choiceNames, string metric)
    {
        int choices = choiceNames.Count;
        var plot = new Plot();
        var random = new Random(1); // jitter only, so points with equal values stay visible
        var xs = points.Select(p => p.Choice + (random.NextDouble() - 0.5) * 0.3).ToArray();
        plot.Add.ScatterPoints(xs, points.Select(p => p.Value).ToArray());
        for (var c = 0; c < choices; c++)
        {
            var values = points.Where(p => p.Choice == c).Select(p => p.Value).Order().ToList();
            if (values.Count == 0) continue;
            var median = values[values.Count / 2];
            plot.Add.Line(c - 0.3, median, c + 0.3, median).LineWidth = 2;
        }

        Svg.NamedTicks(plot.Axes.Bottom, choiceNames);
        plot.XLabel("median marked");
        plot.YLabel($"validation {metric}");
        return Svg.Render(plot, 420, 280);
    }

    /// <summary>Values against a numeric knob; wide positive ranges use a log axis (ticks 10^k).</summary>
    public static string ByNumber(IReadOnlyList<(double Setting, double Value)> points, string knob, string metric)
    {
        var plot = new Plot();
        var log = UseLogAxis(points.Select(p => p.Setting).ToList());
        plot.Add.ScatterPoints(points.Select(p => log ? Math.Log10(p.Setting) : p.Setting).ToArray(), points.Select(p => p.Value).ToArray());
        if (log)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                LabelFormatter = v => "1e" + v.ToString("0", CultureInfo.InvariantCulture),
            };
        }

        plot.XLabel(log ? $"{knob} (log scale)" : knob);
        plot.YLabel($"validation {metric}");
        return Svg.Render(plot, 420, 280);
    }

    public static bool UseLogAxis(IReadOnlyList<double> settings) =>
        settings.Count > 0 && settings.Min() > 0 && settings.Max() / settings.Min() >= 100;

    /// <summary>Horizontal bars of parameter importance, most important on top.</summary>
    public static string Importance(IReadOnlyList<(string Knob, double Importance)> importances, string metric)
    {
        var plot = new Plot();
        var ordered = importances.OrderBy(i => i.Importance).ToList();
        var bars = ordered.Select((item, i) => new Bar { Position = i, Value = Math.Max(0, item.Importance), Orientation = Orientation.Horizontal }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, ordered.Count).Select(i => (double)i).ToArray(), ordered.Select(i => i.Knob).ToArray());
        plot.XLabel($"rise in {metric} error when shuffled");
        plot.Axes.Margins(left: 0);
        return Svg.Render(plot, 560, Math.Max(200, 40 + 26 * ordered.Count));
    }
}
