namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Every threshold of the diagnosis rules (see the table on <see cref="FitDiagnoser"/>). Ratios and shares are
/// fractions (0.05 = 5%). "Strict" means the rule fires only above (or below) the value, never at it.
/// </summary>
public sealed record DiagnosisThresholds
{
    public static DiagnosisThresholds Default { get; } = new();

    /// <summary>Diverged when a training loss is strictly more than this many times its running minimum. Default 10.</summary>
    public double DivergenceGrowth { get; init; } = 10;

    /// <summary>Exploding when a gradient norm is strictly more than this many times epoch 1's. Default 100.</summary>
    public double ExplodingGradientGrowth { get; init; } = 100;

    /// <summary>Epochs at the end of the curve over which layer gradient norms are averaged. Default 3.</summary>
    public int GradientWindow { get; init; } = 3;

    /// <summary>Vanishing when the input layer's mean gradient norm is strictly below this share of the output layer's. Default 1e-3.</summary>
    public double VanishingRatio { get; init; } = 1e-3;

    /// <summary>Vanishing when the input layer's gradient norm fell strictly more than this factor from epoch 1… Default 100.</summary>
    public double VanishingCollapse { get; init; } = 100;

    /// <summary>…while the output layer's fell by at most this factor (so it is not plain convergence). Default 10.</summary>
    public double VanishingOutputMaxDrop { get; init; } = 10;

    /// <summary>The unstable rule needs at least this many epochs. Default 10.</summary>
    public int UnstableMinEpochs { get; init; } = 10;

    /// <summary>Unstable needs at least this share of direction changes in the second half of the validation loss. Default 0.5.</summary>
    public double UnstableDirectionChanges { get; init; } = 0.5;

    /// <summary>…and a mean epoch-to-epoch swing strictly above this share of the mean validation loss there. Default 0.05.</summary>
    public double UnstableAmplitude { get; init; } = 0.05;

    /// <summary>The overfitting and underfitting shape rules need at least this many epochs. Default 3.</summary>
    public int MinEpochs { get; init; } = 3;

    /// <summary>Overfitting when the final validation loss is strictly more than this share above its minimum. Default 0.05.</summary>
    public double OverfitRise { get; init; } = 0.05;

    /// <summary>
    /// Overfitting when validation loss is strictly above (1 + this) × training loss and the gap widened.
    /// Also the train–validation gap limit for lower-is-better metrics without a curve. Default 0.3.
    /// </summary>
    public double OverfitGap { get; init; } = 0.3;

    /// <summary>The early_stopping_patience suggested with an overfitting finding. Default 3.</summary>
    public int SuggestedPatience { get; init; } = 3;

    /// <summary>Share of the epochs (at least 2) at the end of the curve examined by the still-improving rule. Default 0.2.</summary>
    public double UnderfitTailShare { get; init; } = 0.2;

    /// <summary>Underfitting when validation loss fell strictly more than this share per epoch over that tail. Default 0.02.</summary>
    public double UnderfitDropPerEpoch { get; init; } = 0.02;

    /// <summary>Without a curve, overfitting when a higher-is-better metric is strictly more than this share worse on validation. Default 0.05.</summary>
    public double MetricGap { get; init; } = 0.05;

    /// <summary>Underfitting when the validation metric is strictly more than this share worse than the study's best. Default 0.05.</summary>
    public double BaselineShortfall { get; init; } = 0.05;
}
