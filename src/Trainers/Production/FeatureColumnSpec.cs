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
}
