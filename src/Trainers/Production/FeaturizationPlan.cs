using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Tuner.Trainers.Production;

/// <summary>
/// The featurization as data: which columns, in which order, each with its encoding. <see cref="Build"/>
/// turns it into ML.NET transforms producing one "Features" vector, fitted on whatever rows it is given
/// (training rows only). Numeric columns come first, concatenated, mean-imputed and standardised; then each
/// other column in order. The same plan always gives the same feature layout for the same training rows.
/// </summary>
public sealed record FeaturizationPlan(
    [property: Description("The input columns in order, each with its encoding.")] IReadOnlyList<FeatureColumnSpec> Columns,
    [property: Description("Hashed one-hot columns use 2^hashBits buckets.")] int HashBits)
{
    public const string FeaturesColumn = "Features";
    private const string NumericColumn = "__numeric";

    public IEstimator<ITransformer> Build(MLContext ml)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var parts = new List<string>();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();

        var numeric = Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToArray();
        if (numeric.Length > 0)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Concatenate(NumericColumn, numeric))
                .Append(ml.Transforms.ReplaceMissingValues(NumericColumn, replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
                .Append(ml.Transforms.NormalizeMeanVariance(NumericColumn, fixZero: false)); // centre too, not only scale
            parts.Add(NumericColumn);
        }

        foreach (var (column, index) in Columns.Select((c, i) => (c, i)).Where(x => !x.c.IsNumeric))
        {
            var output = $"__col{index}";
            pipeline = column.Encoding switch
            {
                FeatureEncoding.Text => pipeline.Append(ml.Transforms.Text.FeaturizeText(output, column.Name)),
                FeatureEncoding.OneHot => pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(output, column.Name)),
                _ => pipeline.Append(ml.Transforms.Categorical.OneHotHashEncoding(output, column.Name, numberOfBits: HashBits)),
            };
            parts.Add(output);
        }

        return pipeline.Append(ml.Transforms.Concatenate(FeaturesColumn, parts.ToArray()));
    }

    /// <summary>One line per encoding, naming its columns (for reports).</summary>
    public string Describe()
    {
        string Treatment(FeatureEncoding e) => e switch
        {
            FeatureEncoding.Numeric or FeatureEncoding.Boolean => "numeric (mean-imputed, standardised)",
            FeatureEncoding.Text => "text (word and character n-grams)",
            FeatureEncoding.OneHot => "one-hot",
            _ => $"hashed one-hot ({1 << HashBits} buckets)",
        };
        return string.Join("; ", Columns.GroupBy(c => Treatment(c.Encoding)).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}"));
    }

    /// <summary>
    /// A short hash of the column names, their order and their encodings: two data sets with the same
    /// fingerprint can be fed to the same pipeline.
    /// </summary>
    public string SchemaFingerprint()
    {
        var text = string.Join("\n", Columns.Select(c => $"{c.Name}\t{c.Encoding}")) + $"\n{HashBits}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
