namespace Tuner.Trainers.Losses;

/// <summary>
/// A per-row loss of the model's raw scores (one score for binary and regression, one per class for
/// multiclass) against the row's label, encoded as in <see cref="Data.LabeledData"/>.
/// </summary>
internal interface ILoss
{
    /// <summary>The name used in the <c>loss</c> hyper-parameter.</summary>
    string Name { get; }

    /// <summary>How raw scores become predictions for this loss.</summary>
    OutputLink Link { get; }

    double Value(ReadOnlySpan<double> scores, float label);

    /// <summary>Writes ∂loss/∂score into <paramref name="gradient"/> (same length as scores) and returns the loss.</summary>
    double ValueAndGradient(ReadOnlySpan<double> scores, float label, Span<double> gradient);
}
