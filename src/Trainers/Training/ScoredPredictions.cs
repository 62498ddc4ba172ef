using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Metrics;

namespace Tuner.Trainers.Training;

/// <summary>Turns a scoring model's raw scores into its <see cref="Predictions"/>: the link, and for binary the calibration.</summary>
internal static class ScoredPredictions
{
    public static Predictions From(TaskKind task, OutputLink link, PlattCalibration calibration, double[] scores, int width) =>
        From(task, link, calibration, scores, width, new double[scores.Length]);

    /// <summary>The same, written into <paramref name="output"/> (as long as the scores), which the predictions then hold.</summary>
    public static Predictions From(TaskKind task, OutputLink link, PlattCalibration calibration, double[] scores, int width, double[] output)
    {
        if (task == TaskKind.Binary)
        {
            for (int r = 0; r < scores.Length; r++) output[r] = calibration.Probability(scores[r]);
            return Predictions.Binary(scores, output);
        }

        for (int r = 0; r < scores.Length / width; r++)
            LossMath.ApplyLink(link, scores.AsSpan(r * width, width), output.AsSpan(r * width, width));
        return new Predictions(task, output, width);
    }
}
