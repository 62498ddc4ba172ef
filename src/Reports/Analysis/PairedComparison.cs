using System.Globalization;
using Tuner.Reports.Model;

namespace Tuner.Reports.Analysis;

/// <summary>
/// The difference between two compared trials' validation scores with its 95% interval: paired (resample by resample,
/// or fold by fold) when both were scored on the same rows, which is true within a study and between studies of the
/// same data, seed, folds and metric; unpaired otherwise. An interval that contains zero is a tie: the difference is
/// within the noise of the validation rows.
/// </summary>
internal sealed record PairedDifference(ComparedEntry Leader, ComparedEntry Other, double Difference, double Low, double High, bool Paired)
{
    public bool IsTie => !(Low > 0) && !(High < 0);

    /// <summary>E.g. "focal loss vs log loss: +0.012 auc, 95% interval +0.004 to +0.020, on the same validation rows: focal loss is better beyond noise".</summary>
    public string Text(string metric)
    {
        var rows = Paired ? "on the same validation rows" : "unpaired (the studies did not score the same rows)";
        var interval = double.IsFinite(Low) ? $", 95% interval {Signed(Low)} to {Signed(High)}" : ", no interval (replicates missing)";
        var verdict = !double.IsFinite(Low) ? "" : IsTie ? ": a tie, within noise" : $": {Leader.Label} is better beyond noise";
        return $"{Leader.Label} vs {Other.Label}: {Signed(Difference)} {metric}{interval}, {rows}{verdict}";
    }

    private static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("G3", CultureInfo.InvariantCulture);
}

internal static class PairedComparison
{
    /// <summary>The entry with the best score, then every other entry against it (none when the entries rank by different metrics).</summary>
    public static IReadOnlyList<PairedDifference> AgainstLeader(IReadOnlyList<ComparedEntry> entries)
    {
        if (entries.Count < 2 || entries.Any(e => e.Study.Metric != entries[0].Study.Metric || e.Study.Task != entries[0].Study.Task)) return [];
        var higher = entries[0].Study.HigherIsBetter;
        var leader = entries.OrderBy(e => higher ? -e.Best.Value!.Value : e.Best.Value!.Value).First();
        return entries.Where(e => e != leader).Select(e => Difference(leader, e)).ToList();
    }

    /// <summary>Whether two studies' trials were scored on the same validation rows (and so the same resamples or folds).</summary>
    public static bool SameRows(StudyReportData a, StudyReportData b) =>
        a == b || (a.DataFingerprint.Length > 0 && a.DataFingerprint == b.DataFingerprint && a.Seed == b.Seed && a.Folds == b.Folds
                   && a.ValidationPath == b.ValidationPath && a.Label == b.Label);

    private static PairedDifference Difference(ComparedEntry leader, ComparedEntry other)
    {
        var paired = SameRows(leader.Study, other.Study);
        var difference = leader.Best.Value!.Value - other.Best.Value!.Value;
        if (leader.Best.Replicates is not { } a || other.Best.Replicates is not { } b) return new(leader, other, difference, double.NaN, double.NaN, paired);
        var (low, high) = a.DifferenceInterval(b, paired);
        return new(leader, other, difference, low, high, paired && a.Kind == b.Kind && a.Values.Length == b.Values.Length);
    }
}
