using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Tuner.Data;

/// <summary>
/// Turns raw columns into one "Features" vector with ML.NET transforms, so the fitted pipeline can be saved
/// with the model. Numeric: mean imputation then standardisation. Categorical: one-hot, or hashed one-hot
/// above <see cref="CardinalityLimit"/> distinct training values. Text: word and character n-grams.
/// Everything is fitted on the rows it is given, which must be training rows only.
/// </summary>
public static class Featurizer
{
    public const string FeaturesColumn = "Features";
    public const int CardinalityLimit = 64;
    public const int HashBits = 8;

    public static IEstimator<ITransformer> Build(MLContext ml, Dataset data, int[] trainingRows)
    {
        var parts = new List<string>();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();

        var numeric = data.Columns.Where(c => c.IsNumeric).Select(c => c.Info.Name).ToArray();
        if (numeric.Length > 0)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Concatenate("__numeric", numeric))
                .Append(ml.Transforms.ReplaceMissingValues("__numeric", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
                .Append(ml.Transforms.NormalizeMeanVariance("__numeric", fixZero: false)); // centre too, not only scale
            parts.Add("__numeric");
        }

        foreach (var (column, index) in data.Columns.Select((c, i) => (c, i)).Where(x => !x.c.IsNumeric))
        {
            var output = $"__col{index}";
            var name = column.Info.Name;
            pipeline = column.Info.Kind == ColumnKind.Text
                ? pipeline.Append(ml.Transforms.Text.FeaturizeText(output, name))
                : DistinctTrainingValues(column, trainingRows) <= CardinalityLimit
                    ? pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(output, name))
                    : pipeline.Append(ml.Transforms.Categorical.OneHotHashEncoding(output, name, numberOfBits: HashBits));
            parts.Add(output);
        }

        return pipeline.Append(ml.Transforms.Concatenate(FeaturesColumn, parts.ToArray()));
    }

    public static string Describe(Dataset data, int[] trainingRows)
    {
        string Treatment(FeatureColumn c) =>
            c.IsNumeric ? "numeric (mean-imputed, standardised)"
            : c.Info.Kind == ColumnKind.Text ? "text (word and character n-grams)"
            : DistinctTrainingValues(c, trainingRows) <= CardinalityLimit ? "one-hot"
            : $"hashed one-hot ({1 << HashBits} buckets)";
        return string.Join("; ", data.Columns.GroupBy(Treatment).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Info.Name))}"));
    }

    /// <summary>Copies the "Features" column of a transformed view into a dense row-major matrix.</summary>
    public static float[] Materialize(IDataView transformed, int rows, out int columns)
    {
        var column = transformed.Schema[FeaturesColumn];
        columns = ((VectorDataViewType)column.Type).Size;
        var values = new float[(long)rows * columns];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var row = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            buffer.CopyTo(values.AsSpan(row * columns, columns));
            row++;
        }

        return values;
    }

    private static int DistinctTrainingValues(FeatureColumn column, int[] trainingRows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in trainingRows)
            if (column.Strings![row] is { } value) seen.Add(value);
        return seen.Count;
    }
}
