using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Tuner.Trainers.Production;

/// <summary>One input column of the data and how it is featurized.</summary>
public sealed record FeatureColumnSpec(
    [property: Description("Column name as in the data's header.")] string Name,
    [property: Description("numeric, boolean (yes/no text, read as 0/1), one_hot, hashed_one_hot or text.")] FeatureEncoding Encoding)
{
    /// <summary>Numeric columns are read as Single, the others (yes/no included) as text, as a CSV file holds them.</summary>
    [JsonIgnore]
    public bool IsNumeric => Encoding == FeatureEncoding.Numeric;

    /// <summary>
    /// A numeric or yes/no column that had missing cells in the training rows also gets a 0/1 "was missing"
    /// feature, so a model can learn from the missingness itself, not only from the imputed mean.
    /// </summary>
    [Description("Numeric and yes/no columns with missing training cells: true adds a 0/1 feature that says the cell was missing (before mean imputation).")]
    public bool MissingIndicator { get; init; }
}
