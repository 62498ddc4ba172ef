using System.Globalization;

namespace Tuner.Reports.Model;

/// <summary>
/// How a big-data study spent its rows: the row rungs trials started on (ascending, the last is all the training rows),
/// how many trials were stopped by the pruner at each rung below all the rows, how many failed or diverged there, and
/// how many went on to train on all the rows. Counted from the stored trials; trials stopped by the budget or an
/// interruption before they were judged are not counted.
/// </summary>
internal sealed record RowRungSummary(IReadOnlyList<int> Rungs, IReadOnlyList<int> StoppedAt, int FailedOnSubsamples, int RanOnAllRows)
{
    /// <summary>"Big data: trials started on row subsamples (29,630 → 88,889 → 800,000 rows); 40 stopped at 29,630, 9 at 88,889, 6 ran on all rows."</summary>
    public string Text
    {
        get
        {
            var stopped = StoppedAt.Select((count, rung) => (count, rows: Rungs[rung]))
                .Select((s, i) => i == 0 ? FormattableString.Invariant($"{s.count} stopped at {s.rows:N0}") : FormattableString.Invariant($"{s.count} at {s.rows:N0}"));
            var failed = FailedOnSubsamples > 0 ? [$"{FailedOnSubsamples} failed or diverged on a subsample"] : Array.Empty<string>();
            return $"Big data: trials started on row subsamples ({string.Join(" → ", Rungs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} rows); "
                + string.Join(", ", [.. stopped, .. failed, $"{RanOnAllRows} ran on all rows"]) + ".";
        }
    }
}
