using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Tuner.Trainers.Production;

/// <summary>One input column of the data and how it is featurized.</summary>
public sealed record FeatureColumnSpec(
    [property: Description("Column name as in the data's header.")] string Name,
    [property: Description("numeric, boolean (read as 0/1), one_hot, hashed_one_hot or text.")] FeatureEncoding Encoding)
{
    /// <summary>Numeric and boolean columns are read as Single, the others as text.</summary>
    [JsonIgnore]
    public bool IsNumeric => Encoding is FeatureEncoding.Numeric or FeatureEncoding.Boolean;
}
