using Tuner.Trainers.Production;

namespace Tuner.Data;

/// <summary>
/// Chooses how each column is featurized (see <see cref="FeaturizationPlan"/>): numeric and boolean columns
/// as numbers, text as n-grams, categorical columns one-hot, or hashed one-hot above
/// <see cref="CardinalityLimit"/> distinct training values. Only training rows are looked at.
/// </summary>
internal static class Featurizer
{
    public const int CardinalityLimit = 64;
    public const int HashBits = 8;

    public static FeaturizationPlan Plan(Dataset data, int[] trainingRows) =>
        new(data.Columns.Select(c => new FeatureColumnSpec(c.Info.Name, EncodingOf(c, trainingRows))).ToList(), HashBits, data.Format);

    private static FeatureEncoding EncodingOf(FeatureColumn column, int[] trainingRows) => column.Info.Kind switch
    {
        ColumnKind.Numeric => FeatureEncoding.Numeric,
        ColumnKind.Boolean => FeatureEncoding.Boolean,
        ColumnKind.Text => FeatureEncoding.Text,
        _ => DistinctTrainingValues(column, trainingRows) <= CardinalityLimit ? FeatureEncoding.OneHot : FeatureEncoding.HashedOneHot,
    };

    private static int DistinctTrainingValues(FeatureColumn column, int[] trainingRows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in trainingRows)
            if (column.Strings![row] is { } value) seen.Add(value);
        return seen.Count;
    }
}
