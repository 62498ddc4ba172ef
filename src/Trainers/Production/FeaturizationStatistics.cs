using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>
/// What fitting a <see cref="FeaturizationPlan"/> learns from the training rows: for each numeric and yes/no
/// column the mean that fills its missing cells and the centre and scale that standardise it (and those of
/// its 0/1 "was missing" feature), and for each one-hot column its values in ordinal order. Hashed and text
/// columns learn nothing here (text columns learn their n-grams inside ML.NET).
/// </summary>
internal sealed record FeaturizationStatistics(
    IReadOnlyDictionary<string, Standardization> Numbers,
    IReadOnlyDictionary<string, Standardization> MissingIndicators,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Terms)
{
    /// <summary>The statistics of <paramref name="rows"/> of <paramref name="columns"/> (one per plan column, by name), one column per core.</summary>
    public static FeaturizationStatistics Of(FeaturizationPlan plan, IReadOnlyList<TableColumn> columns, int[] rows)
    {
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var specs = plan.Columns.ToList();
        var numbers = new Standardization[specs.Count];
        var indicators = new Standardization?[specs.Count];
        var terms = new IReadOnlyList<string>?[specs.Count];
        Parallel.For(0, specs.Count, i =>
        {
            var spec = specs[i];
            var column = byName[spec.Name];
            if (spec.Encoding is FeatureEncoding.OneHot)
                terms[i] = column.DistinctStrings(rows).Order(StringComparer.Ordinal).ToList();
            if (spec.Encoding is not (FeatureEncoding.Numeric or FeatureEncoding.Boolean)) return;
            var values = spec.Encoding is FeatureEncoding.Numeric
                ? Array.ConvertAll(rows, r => column.Numbers![r])
                : Array.ConvertAll(rows, r => column.Strings![r] is { } text ? plan.Cells.Boolean(text) ?? float.NaN : float.NaN);
            numbers[i] = Standardization.OfFilled(values);
            if (spec.MissingIndicator) indicators[i] = Standardization.OfFilled(Array.ConvertAll(values, v => float.IsNaN(v) ? 1f : 0f));
        });

        return new(
            specs.Select((s, i) => (s, i)).Where(x => numbers[x.i] is not null).ToDictionary(x => x.s.Name, x => numbers[x.i]),
            specs.Select((s, i) => (s, i)).Where(x => indicators[x.i] is not null).ToDictionary(x => x.s.Name, x => indicators[x.i]!),
            specs.Select((s, i) => (s, i)).Where(x => terms[x.i] is not null).ToDictionary(x => x.s.Name, x => terms[x.i]!));
    }

    /// <summary>Placeholder statistics, enough to check an input schema against the plan's pipeline.</summary>
    public static FeaturizationStatistics Unfitted(FeaturizationPlan plan) =>
        Of(plan, plan.Columns.Select(c => new TableColumn(c.Name, c.IsNumeric ? [] : null, c.IsNumeric ? null : [])).ToList(), []);
}

/// <summary>
/// How one input becomes a standardised feature: a missing value becomes <see cref="Fill"/>, then
/// (value − <see cref="Centre"/>) × <see cref="Scale"/>, in single precision as ML.NET's expression computes it.
/// </summary>
internal sealed record Standardization(float Fill, float Centre, float Scale)
{
    public float Apply(float value) => ((float.IsNaN(value) ? Fill : value) - Centre) * Scale;

    /// <summary>
    /// Fill is the mean of the present values (0 when none is); centre and scale are the mean and the inverse
    /// standard deviation of the filled values (scale 0 for a constant input, whose feature is then always 0).
    /// </summary>
    public static Standardization OfFilled(float[] values)
    {
        double sum = 0;
        var present = 0;
        foreach (var v in values)
            if (!float.IsNaN(v)) { sum += v; present++; }
        var fill = present == 0 ? 0f : (float)(sum / present);
        double mean = 0, squares = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = float.IsNaN(values[i]) ? fill : values[i];
            var delta = v - mean;
            mean += delta / (i + 1);
            squares += delta * (v - mean);
        }

        var variance = values.Length == 0 ? 0 : squares / values.Length;
        return new(fill, (float)mean, variance > 0 ? (float)(1 / Math.Sqrt(variance)) : 0f);
    }
}
