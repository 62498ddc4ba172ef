using Tuner.Reports.Model;
using Tuner.Trainers.Metrics;
using static Tuner.Reports.Diagnosis.Text;

namespace Tuner.Reports.Diagnosis;

/// <summary>
/// What the learning curve by training-set size says: whether the validation metric still gained from half the
/// rows to all of them by more than the seeds' spread ("more data would still help", a variance problem), or
/// levelled off ("capacity, not data, is the limit": the model, its features or its regularization are).
/// </summary>
internal sealed record SizeVerdict(bool MoreDataHelps, string Text)
{
    /// <summary>The least gain that counts as one, as a share of the validation value, when the seeds cannot say (a single seed).</summary>
    public const double Floor = 0.002;

    public static SizeVerdict? Judge(IReadOnlyList<SizeCurvePoint> points, MetricInfo metric)
    {
        var all = points.LastOrDefault(p => p.Share >= 1);
        var half = points.LastOrDefault(p => p.Share < 1);
        if (all is null || half is null || all.Validation.Count == 0 || half.Validation.Count == 0) return null;

        double sign = metric.HigherIsBetter ? 1 : -1;
        double valid = all.Validation.Average(), before = half.Validation.Average();
        double gain = sign * (valid - before);
        // Twice the standard error of the difference of the two means, over the seeds.
        double spread = 2 * Math.Sqrt(Variance(all.Validation) / all.Validation.Count + Variance(half.Validation) / half.Validation.Count);
        double limit = Math.Max(spread, Floor * Math.Abs(valid));
        double train = all.Training.Average();
        double gap = sign * (train - valid);
        string from = $"validation {metric.Name} went from {Num(before)} with {half.Rows:N0} rows to {Num(valid)} with {all.Rows:N0}, {Signed(gain)}";
        string noise = all.Validation.Count > 1
            ? $"(limit {Num(limit)}: twice the seed-to-seed spread of that difference)"
            : $"(limit {Num(limit)}, {Pct(Floor)} of the value: one seed gives no spread)";

        if (gain > limit)
        {
            double halfGap = sign * (half.Training.Average() - before);
            string closing = halfGap > gap ? $", down from {Num(halfGap)} with half the rows" : "";
            return new SizeVerdict(true, $"More data would still help: {from} {noise}; training {metric.Name} {Num(train)} is {Num(gap)} better than validation{closing}.");
        }

        string why = gap > limit
            ? $"training {metric.Name} {Num(train)} is {Num(gap)} better than validation, but more rows did not close that gap: regularize (l1, l2, fewer leaves) rather than collect rows"
            : $"training and validation agree ({Num(train)} and {Num(valid)}): a more flexible model or better features would help more than rows";
        return new SizeVerdict(false, $"Capacity, not data, is the limit: {from} {noise}; {why}.");
    }

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + Num(Math.Abs(value));

    private static double Variance(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
