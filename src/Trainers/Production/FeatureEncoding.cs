namespace Tuner.Trainers.Production;

/// <summary>How one input column becomes features.</summary>
public enum FeatureEncoding
{
    /// <summary>A number (Single): missing values replaced by the training mean, then standardised.</summary>
    Numeric,

    /// <summary>Yes/no text (see <see cref="Data.CellFormat"/>), mapped to 1 or 0 inside the pipeline, then treated as numeric.</summary>
    Boolean,

    /// <summary>Discrete strings: one slot per training value.</summary>
    OneHot,

    /// <summary>Discrete strings with too many values: one-hot over 2^HashBits hashed buckets.</summary>
    HashedOneHot,

    /// <summary>Free text: normalised word and character n-grams.</summary>
    Text,
}
