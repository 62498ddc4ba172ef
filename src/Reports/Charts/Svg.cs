using ScottPlot;

namespace Tuner.Reports.Charts;

/// <summary>Renders a ScottPlot plot as an SVG element to inline in HTML (no XML declaration).</summary>
public static class Svg
{
    public const int Width = 560;
    public const int Height = 300;

    public static string Render(Plot plot, int width = Width, int height = Height)
    {
        var xml = plot.GetSvgXml(width, height);
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? xml : xml[start..];
    }

    public static void EpochAxis(Plot plot)
    {
        plot.XLabel("epoch");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    /// <summary>Keeps the points where both coordinates are finite (NaN epochs would break the line).</summary>
    public static (double[] X, double[] Y) Finite(IEnumerable<(double X, double Y)> points)
    {
        var kept = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        return (kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y).ToArray());
    }
}
