namespace Tuner.Reports.Diagnosis;

/// <summary>
/// Every threshold of the diagnosis rules (see the table on <see cref="FitDiagnoser"/>). Ratios and shares are
/// fractions (0.05 = 5%). "Strict" means the rule fires only above (or below) the value, never at it.
/// </summary>
internal sealed record DiagnosisThresholds
{
    public static DiagnosisThresholds Default { get; } = new();

    /// <summary>Diverged when a training loss is strictly more than this many times its running minimum… Default 10.</summary>
    public double DivergenceGrowth { get; init; } = 10;

    /// <summary>…and above it by strictly more than this share of the curve's first training loss, or of the study's normal loss when that is lower (a hinge loss going from 0.001 to 0.011 has not blown up). Default 0.5.</summary>
    public double DivergenceScale { get; init; } = 0.5;

    /// <summary>Diverged when the lowest validation loss is strictly above this many times the study's reference loss: it never came near a normal loss. Default 10.</summary>
    public double DivergedAboveReference { get; init; } = 10;

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

    /// <summary>The unstable rule needs at least this many epochs. Default 5.</summary>
    public int UnstableMinEpochs { get; init; } = 5;

    /// <summary>Unstable needs at least two direction changes, and at least this share of them, in the second half of the validation loss. Default 0.5.</summary>
    public double UnstableDirectionChanges { get; init; } = 0.5;

    /// <summary>…and a mean epoch-to-epoch swing strictly above this share of the mean validation loss there. Default 0.025.</summary>
    public double UnstableAmplitude { get; init; } = 0.025;

    /// <summary>A curve of at most this many epochs is too short to judge (unless it ran them all and still falls). Default 3.</summary>
    public int TooShortEpochs { get; init; } = 3;

    /// <summary>A rise or fall counts only when strictly larger than this many times the curve's noise (see <see cref="CurveFacts.Noise"/>). Default 3.</summary>
    public double NoiseMultiple { get; init; } = 3;

    /// <summary>Overfitting when the validation loss at the end is strictly more than this share above its minimum (and beyond noise). Default 0.02.</summary>
    public double OverfitRise { get; init; } = 0.02;

    /// <summary>Overfitting when the validation–training gap widened since the middle epoch by strictly more than this share of the final validation loss. Default 0.1.</summary>
    public double OverfitGapGrowth { get; init; } = 0.1;

    /// <summary>Without a curve, the train–validation gap limit for lower-is-better metrics, relative to the validation value. Default 0.3.</summary>
    public double OverfitGap { get; init; } = 0.3;

    /// <summary>The early_stopping_patience suggested with an overfitting finding. Default 3.</summary>
    public int SuggestedPatience { get; init; } = 3;

    /// <summary>Share of the epochs (at least 2) at the end of the curve examined by the still-improving rule. Default 0.2.</summary>
    public double UnderfitTailShare { get; init; } = 0.2;

    /// <summary>Underfitting when both losses fell over that tail, validation by strictly more than this share of its final value (and beyond noise). Default 0.01.</summary>
    public double UnderfitTailDrop { get; init; } = 0.01;

    /// <summary>Without a training metric, underfitting when the last training loss is strictly above this many times the study's reference loss. Default 1.5.</summary>
    public double PoorTrainingLoss { get; init; } = 1.5;

    /// <summary>Without a curve, overfitting when a higher-is-better metric (AUC, accuracy, R²) is strictly more than this much lower on validation than on training. Default 0.05.</summary>
    public double MetricGap { get; init; } = 0.05;

    /// <summary>…and the validation value is strictly more than this share worse than the study's best. Default 0.01.</summary>
    public double OverfitShortfall { get; init; } = 0.01;

    /// <summary>Underfitting when the validation metric is strictly more than this share worse than the study's best. Default 0.05.</summary>
    public double BaselineShortfall { get; init; } = 0.05;
}
