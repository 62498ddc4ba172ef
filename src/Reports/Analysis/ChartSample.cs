using Tuner.Reports.Model;

namespace Tuner.Reports.Analysis;

/// <summary>
/// The trials a chart plots: all of them up to <see cref="Limit"/>; beyond, the best half of the limit and an evenly
/// spaced sample of the rest, so a 10,000-trial report keeps its charts small (each point is an SVG element) while
/// the best trials and the spread of the others stay visible.
/// </summary>
internal static class ChartSample
{
    public const int Limit = 2000;

    /// <param name="ranked">Trials in rank order, best first.</param>
    public static IReadOnlyList<ReportTrial> Of(IReadOnlyList<ReportTrial> ranked)
    {
        if (ranked.Count <= Limit) return ranked;
        int best = Limit / 2;
        double step = (double)(ranked.Count - best) / (Limit - best);
        return ranked.Take(best).Concat(Enumerable.Range(0, Limit - best).Select(i => ranked[best + (int)(i * step)])).ToArray();
    }
}
