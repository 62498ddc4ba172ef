using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>
/// The featurization as data: which columns, in which order, each with its encoding, and how their cells
/// read. <see cref="Fit"/> fits it on the rows it is given (training rows only) and gives ML.NET transforms
/// producing one "Features" vector. The input is each column as a CSV file holds it: numeric
/// columns as Single, the others as text, which the pipeline itself trims and maps (<see cref="CellFormat"/>),
/// so raw rows score as the tuner read them. Numeric and yes/no columns come first, with the missing
/// indicators of those that ask for one, mean-imputed, standardised and concatenated; then each other column
/// in order. The same plan always gives the same
/// feature layout for the same training rows.
/// </summary>
public sealed record FeaturizationPlan(
    [property: Description("The input columns in order, each with its encoding.")] IReadOnlyList<FeatureColumnSpec> Columns,
    [property: Description("Hashed one-hot columns use 2^hashBits buckets.")] int HashBits,
    [property: Description("How a raw cell becomes a value: trimming, missing-value tokens, yes/no words.")] CellFormat Cells)
{
    public const string FeaturesColumn = "Features";
    private const string NumericColumn = "__numeric";

    /// <summary>
    /// Fits the featurization on <paramref name="rows"/> of <paramref name="columns"/> (one per plan column, by
    /// name): the statistics are computed here in one pass per column, so ML.NET's fit reads no data except for
    /// text columns, whose n-gram dictionaries it builds.
    /// </summary>
    internal FittedFeaturization Fit(MLContext ml, IReadOnlyList<TableColumn> columns, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var statistics = FeaturizationStatistics.Of(this, columns, rows);
        var transformer = Estimator(ml, statistics).Fit(new ColumnarDataView(columns, rows));
        return new FittedFeaturization(this, statistics, transformer);
    }

    /// <summary>
    /// The ML.NET transforms that apply <paramref name="statistics"/>: each numeric and yes/no column (and its
    /// missing indicator) filled and standardised by an expression holding its constants, concatenated; then
    /// each one-hot (its values given), hashed or text column in order; all into one "Features" vector.
    /// </summary>
    internal IEstimator<ITransformer> Estimator(MLContext ml, FeaturizationStatistics statistics)
    {
        var parts = new List<string>();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();

        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, index) in Columns.Select((c, i) => (c, i)).Where(x => !x.c.IsNumeric))
        {
            cleaned[column.Name] = $"__text{index}";
            pipeline = pipeline.Append(ml.Transforms.Expression(cleaned[column.Name], Cells.TextExpression(), column.Name));
            if (column.Encoding != FeatureEncoding.Boolean) continue;
            cleaned[column.Name] = $"__bool{index}";
            pipeline = pipeline.Append(ml.Transforms.Expression(cleaned[column.Name], Cells.BooleanExpression(), $"__text{index}"));
        }

        var numeric = new List<string>();
        foreach (var (column, index) in Columns.Select((c, i) => (c, i)).Where(x => x.c.Encoding is FeatureEncoding.Numeric or FeatureEncoding.Boolean))
        {
            numeric.Add($"__number{index}");
            pipeline = pipeline.Append(ml.Transforms.Expression($"__number{index}", StandardizeExpression(statistics.Numbers[column.Name]), cleaned.GetValueOrDefault(column.Name, column.Name)));
        }

        foreach (var (column, index) in Columns.Select((c, i) => (c, i)).Where(x => x.c.MissingIndicator))
        {
            numeric.Add($"__missing{index}");
            pipeline = pipeline.Append(ml.Transforms.Expression($"__missing{index}", IndicatorExpression(statistics.MissingIndicators[column.Name]), cleaned.GetValueOrDefault(column.Name, column.Name)));
        }

        if (numeric.Count > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.Concatenate(NumericColumn, numeric.ToArray()));
            parts.Add(NumericColumn);
        }

        foreach (var (column, index) in Columns.Select((c, i) => (c, i)).Where(x => x.c.Encoding is not (FeatureEncoding.Numeric or FeatureEncoding.Boolean)))
        {
            var output = $"__col{index}";
            var input = cleaned[column.Name];
            pipeline = column.Encoding switch
            {
                FeatureEncoding.Text => pipeline.Append(ml.Transforms.Text.FeaturizeText(output, input)),
                FeatureEncoding.OneHot => pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(output, input, keyData: TermsView(statistics.Terms[column.Name]))),
                _ => pipeline.Append(ml.Transforms.Categorical.OneHotHashEncoding(output, input, numberOfBits: HashBits)),
            };
            parts.Add(output);
        }

        return pipeline.Append(ml.Transforms.Concatenate(FeaturesColumn, parts.ToArray()));
    }

    private static string StandardizeExpression(Standardization s) =>
        $"x => isna(x) ? {FloatLiteral.Of(s.Apply(float.NaN))} : (x - {FloatLiteral.Of(s.Centre)}) * {FloatLiteral.Of(s.Scale)}";

    private static string IndicatorExpression(Standardization s) =>
        $"x => isna(x) ? {FloatLiteral.Of(s.Apply(1f))} : {FloatLiteral.Of(s.Apply(0f))}";

    /// <summary>A one-hot column's values, in the order of its slots.</summary>
    private static IDataView TermsView(IReadOnlyList<string> terms) =>
        new ColumnarDataView([new TableColumn("Term", null, terms.ToArray())], Enumerable.Range(0, terms.Count).ToArray());

    /// <summary>One line per encoding, naming its columns (for reports).</summary>
    public string Describe()
    {
        string Treatment(FeatureEncoding e) => e switch
        {
            FeatureEncoding.Numeric => "numeric (mean-imputed, standardised)",
            FeatureEncoding.Boolean => "yes/no as 1/0 (mean-imputed, standardised)",
            FeatureEncoding.Text => "text (word and character n-grams)",
            FeatureEncoding.OneHot => "one-hot",
            _ => $"hashed one-hot ({1 << HashBits} buckets)",
        };
        var lines = Columns.GroupBy(c => Treatment(c.Encoding)).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");
        var indicated = Columns.Where(c => c.MissingIndicator).Select(c => c.Name).ToList();
        return string.Join("; ", indicated.Count == 0 ? lines : lines.Append($"a was-missing 0/1 feature for: {string.Join(", ", indicated)}"));
    }

    /// <summary>
    /// A short hash of the column names, their order and their encodings: two data sets with the same
    /// fingerprint can be fed to the same pipeline.
    /// </summary>
    public string SchemaFingerprint()
    {
        var text = string.Join("\n", Columns.Select(c => $"{c.Name}\t{c.Encoding}" + (c.MissingIndicator ? "\tmissing_indicator" : ""))) + $"\n{HashBits}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
