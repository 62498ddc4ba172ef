using ScottPlot;

namespace Tuner.Reports.Charts;

/// <summary>Renders a ScottPlot plot as an SVG element to inline in HTML (no XML declaration).</summary>
internal static class Svg
{
    public const int Width = 560;
    public const int Height = 300;

    public static string Render(Plot plot, int width = Width, int height = Height)
    {
        var xml = plot.GetSvgXml(width, height);
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? xml : xml[start..];
    }

    /// <summary>
    /// Names the ticks 0, 1, … of an axis, tilted when there are many or long ones. Names are shortened to
    /// <see cref="NameLength"/> characters; ScottPlot escapes the text it writes into the SVG.
    /// </summary>
    public static void NamedTicks(IAxis axis, IReadOnlyList<string> names)
    {
        var shown = names.Select(n => n.Length > NameLength ? n[..(NameLength - 1)] + "…" : n).ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray(), shown);
        if (shown.Length > 4 || shown.Any(n => n.Length > 8))
        {
            axis.TickLabelStyle.Rotation = 30;
            axis.TickLabelStyle.Alignment = Alignment.UpperLeft;
            axis.MinimumSize = 20 + 6 * shown.Max(n => n.Length);
        }
    }

    public const int NameLength = 18;

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
