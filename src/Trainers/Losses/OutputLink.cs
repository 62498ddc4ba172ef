namespace Tuner.Trainers.Losses;

/// <summary>
/// The map from raw scores to predictions. Binary losses all use <see cref="Sigmoid"/> through the model's
/// <see cref="Training.PlattCalibration"/>: for log and focal loss the score is the log-odds and the calibration
/// is the identity (P = σ(s)); for the hinge family (hinge, squared_hinge, modified_huber) the score is a margin
/// and P = 1/(1+exp(A·s+B)) with A, B fitted on the training rows' scores at the end of training. Either way
/// the predicted label is score &gt; 0, as ML.NET's binary scorer decides.
/// </summary>
internal enum OutputLink
{
    /// <summary>Regression value = score.</summary>
    Identity,

    /// <summary>Regression value = exp(score) (Poisson loss; the score is the log-mean).</summary>
    Exp,

    /// <summary>Binary positive-class probability = 1/(1+exp(A·score+B)), the sigmoid when A = −1, B = 0.</summary>
    Sigmoid,

    /// <summary>Multiclass probabilities = softmax(scores).</summary>
    Softmax,
}
