using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;

namespace Tuner.Trainers.Training;

/// <summary>A trained model that can also give its raw scores (before the link).</summary>
internal interface IScoringModel : ITrainedModel
{
    /// <summary>Scores per row: 1 for binary and regression, the class count for multiclass.</summary>
    int OutputWidth { get; }

    OutputLink Link { get; }

    /// <summary>Binary: the map from score to probability (identity for the other tasks).</summary>
    PlattCalibration Calibration { get; }

    /// <summary>Raw scores, row-major (rows × <see cref="OutputWidth"/>).</summary>
    double[] Scores(FeatureMatrix features);
}
