using ScottPlot;
using Tuner.Trainers.Training;

namespace Tuner.Reports.Charts;

/// <summary>A trial's learning curves: losses per epoch with the best epoch marked, and the optimiser's signals.</summary>
internal static class CurveCharts
{
    /// <summary>The epoch with the lowest validation loss, or null without a finite one.</summary>
    public static int? BestEpoch(IReadOnlyList<EpochRecord> curve) =>
        curve.Where(e => double.IsFinite(e.ValidationLoss)).OrderBy(e => e.ValidationLoss).ThenBy(e => e.Epoch).Select(e => (int?)e.Epoch).FirstOrDefault();

    public static string Losses(IReadOnlyList<EpochRecord> curve)
    {
        var plot = new Plot();
        var (x, train) = Svg.Finite(curve.Select(e => ((double)e.Epoch, e.TrainingLoss)));
        var (xv, valid) = Svg.Finite(curve.Select(e => ((double)e.Epoch, e.ValidationLoss)));
        if (x.Length > 0) plot.Add.Scatter(x, train).LegendText = "training loss";
        if (xv.Length > 0) plot.Add.Scatter(xv, valid).LegendText = "validation loss";
        if (BestEpoch(curve) is { } best)
        {
            var line = plot.Add.VerticalLine(best);
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"best epoch {best}";
        }

        Svg.EpochAxis(plot);
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        return Svg.Render(plot);
    }

    /// <summary>The metric on the training and validation rows against the rows trained on (log axis), each seed a point, the means joined.</summary>
    public static string BySize(IReadOnlyList<Model.SizeCurvePoint> points, string metric)
    {
        var plot = new Plot();
        foreach (var (name, values) in new (string, Func<Model.SizeCurvePoint, IReadOnlyList<double>>)[] { ("training", p => p.Training), ("validation", p => p.Validation) })
        {
            var x = points.Select(p => Math.Log10(p.Rows)).ToArray();
            var line = plot.Add.Scatter(x, points.Select(p => values(p).Average()).ToArray());
            line.LegendText = $"{name} {metric}";
            var seeds = points.SelectMany(p => values(p).Select(v => (Math.Log10(p.Rows), v))).ToArray();
            var dots = plot.Add.ScatterPoints(seeds.Select(s => s.Item1).ToArray(), seeds.Select(s => s.v).ToArray());
            dots.Color = line.Color.WithAlpha(0.4);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            points.Select(p => Math.Log10(p.Rows)).ToArray(), points.Select(p => p.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.XLabel("training rows (log scale)");
        plot.YLabel(metric);
        plot.ShowLegend(Alignment.LowerRight);
        return Svg.Render(plot);
    }

    public static string Signals(IReadOnlyList<EpochRecord> curve)
    {
        var plot = new Plot();
        var (x, rate) = Svg.Finite(curve.Select(e => ((double)e.Epoch, e.LearningRate)));
        var (xg, norm) = Svg.Finite(curve.Select(e => ((double)e.Epoch, e.GradientNorm)));
        if (x.Length > 0)
        {
            plot.Add.Scatter(x, rate).LegendText = "learning rate (left)";
            if (rate.Max() - rate.Min() <= 1e-12 * Math.Abs(rate.Max()))
                plot.Axes.Left.Range.Set(0, 2 * rate.Max()); // a constant rate would otherwise get a degenerate axis
        }
        if (xg.Length > 0)
        {
            var gradient = plot.Add.Scatter(xg, norm);
            gradient.LegendText = "gradient norm (right)";
            gradient.Axes.YAxis = plot.Axes.Right;
        }

        Svg.EpochAxis(plot);
        plot.Axes.Left.Label.Text = "learning rate";
        plot.Axes.Right.Label.Text = "gradient norm";
        plot.ShowLegend(Alignment.UpperRight);
        return Svg.Render(plot);
    }

    /// <summary>The validation metric per epoch (or boosting round) of several trials on one chart, one line each.</summary>
    public static string Overlay(IReadOnlyList<(string Label, IReadOnlyList<EpochRecord> Curve)> curves, string metric)
    {
        var plot = new Plot();
        foreach (var (label, curve) in curves)
        {
            var (x, y) = Svg.Finite(curve.Select(e => ((double)e.Epoch, e.ValidationMetric)));
            if (x.Length > 0) plot.Add.Scatter(x, y).LegendText = label;
        }

        Svg.EpochAxis(plot);
        plot.YLabel($"validation {metric}");
        plot.ShowLegend(Alignment.LowerRight);
        return Svg.Render(plot);
    }
}
