namespace Tuner.Data;

/// <summary>How a column is read and featurized.</summary>
internal enum ColumnKind
{
    /// <summary>Numbers: missing values replaced by the training mean, then standardised.</summary>
    Numeric,

    /// <summary>Two values such as true/false or yes/no: 0 or 1, then treated as numeric.</summary>
    Boolean,

    /// <summary>Discrete strings: one-hot, or hashed above the cardinality limit.</summary>
    Categorical,

    /// <summary>Free text (long, mostly distinct strings): word and character n-grams.</summary>
    Text,
}
