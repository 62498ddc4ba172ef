namespace Tuner.Trainers.Production;

/// <summary>One input column of the data and how it is featurized.</summary>
public sealed record FeatureColumnSpec(string Name, FeatureEncoding Encoding)
{
    /// <summary>Numeric and boolean columns are read as Single, the others as text.</summary>
    public bool IsNumeric => Encoding is FeatureEncoding.Numeric or FeatureEncoding.Boolean;
}
