using Tuner.Trainers.Losses;

namespace Tuner.Trainers.Training;

/// <summary>
/// A model family seen by <see cref="MiniBatchLoop"/>: parameters in one flat vector with a
/// <see cref="ParameterLayout"/>, a per-row gradient, and a way to freeze parameters into a trained model.
/// Instances hold scratch buffers and serve one training run on one thread.
/// </summary>
internal interface IGradientModel
{
    ParameterLayout Layout { get; }

    /// <summary>Fills the initial parameters (the seeded generator is the run's, shared with the shuffle).</summary>
    void Initialize(Span<float> parameters, Random random);

    /// <summary>
    /// Adds <paramref name="scale"/> · ∂loss(row)/∂parameters into <paramref name="gradient"/> and returns the
    /// row's unscaled loss.
    /// </summary>
    double AccumulateGradient(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, float label, float scale, ILoss loss, Span<float> gradient);

    IScoringModel CreateModel(ReadOnlySpan<float> parameters, OutputLink link, PlattCalibration calibration);
}
