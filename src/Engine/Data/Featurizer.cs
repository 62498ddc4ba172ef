using Tuner.Trainers.Production;

namespace Tuner.Data;

/// <summary>
/// Chooses how each column is featurized (see <see cref="FeaturizationPlan"/>): numeric and boolean columns
/// as numbers, text as n-grams, categorical columns one-hot, or hashed one-hot above
/// <see cref="CardinalityLimit"/> distinct training values; a numeric or yes/no column with missing training
/// cells also gets a missing indicator. Only training rows are looked at.
/// </summary>
internal static class Featurizer
{
    public const int CardinalityLimit = 64;
    public const int HashBits = 8;

    public static FeaturizationPlan Plan(Dataset data, int[] trainingRows) =>
        new(data.Columns.Select(c => new FeatureColumnSpec(c.Info.Name, EncodingOf(c, trainingRows))
        {
            MissingIndicator = (c.Info.Kind is ColumnKind.Numeric or ColumnKind.Boolean) && HasMissing(c, trainingRows),
        }).ToList(), HashBits, data.Format);

    private static bool HasMissing(FeatureColumn column, int[] trainingRows)
    {
        foreach (var row in trainingRows)
            if (column.Numbers is { } numbers ? float.IsNaN(numbers[row]) : column.Strings![row] is null) return true;
        return false;
    }

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
