using ScottPlot;
using Tuner.Trainers.Training;

namespace Tuner.Reports.Charts;

/// <summary>A trial's learning curves: losses per epoch with the best epoch marked, and the optimiser's signals.</summary>
public static class CurveCharts
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
}
