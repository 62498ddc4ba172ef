namespace Tuner.Trainers.Losses;

/// <summary>
/// The map from raw scores to predictions. Binary losses all use <see cref="Sigmoid"/>: for log and
/// focal loss the score is the log-odds; for the hinge family (hinge, squared_hinge, modified_huber)
/// the probability is the sigmoid of the margin score, a monotone map that keeps the 0.5 threshold at
/// score 0 (it is not a calibrated probability).
/// </summary>
public enum OutputLink
{
    /// <summary>Regression value = score.</summary>
    Identity,

    /// <summary>Regression value = exp(score) (Poisson loss; the score is the log-mean).</summary>
    Exp,

    /// <summary>Binary positive-class probability = 1/(1+exp(−score)).</summary>
    Sigmoid,

    /// <summary>Multiclass probabilities = softmax(scores).</summary>
    Softmax,
}
