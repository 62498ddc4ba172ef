using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Training;

public sealed class PlattCalibrationTests
{
    [Fact]
    public void Two_score_values_get_the_closed_form_fit_of_the_smoothed_targets()
    {
        // At score +1: 8 positives and 2 negatives; at −1 the mirror. Targets are 11/12 and 1/12, so the mean
        // target is 3/4 at +1 and 1/4 at −1, which two score values fit exactly: B = 0, A = −ln 3.
        var scores = Enumerable.Repeat(1.0, 10).Concat(Enumerable.Repeat(-1.0, 10)).ToArray();
        float[] labels = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];

        var fit = PlattCalibration.Fit(scores, labels);

        Assert.Equal(-Math.Log(3), fit.A, 5);
        Assert.Equal(0, fit.B, 5);
        Assert.Equal(0.75, fit.Probability(1), 5);
    }

    [Fact]
    public void The_fit_agrees_with_MlNets_Platt_calibrator_on_shifted_scaled_scores()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 400).Select(_ => random.NextDouble() < 0.4 ? 1f : 0f).ToArray();
        var scores = labels.Select(l => 3 * (l - 0.3) + 1.5 * Helpers.Synthetic.Gaussian(random)).Select(s => (double)(float)s).ToArray();

        var fit = PlattCalibration.Fit(scores, labels);

        var ml = new MLContext(1);
        var view = ml.Data.LoadFromEnumerable(scores.Zip(labels, (s, l) => new Row { Score = (float)s, Label = l > 0.5f }));
        var calibrated = ml.BinaryClassification.Calibrators.Platt().Fit(view).Transform(view);
        var theirs = calibrated.GetColumn<float>("Probability").ToArray();
        // Both maximise the same smoothed likelihood; ML.NET's Levenberg–Marquardt stops at a looser tolerance.
        for (int i = 0; i < scores.Length; i++) Assert.Equal(theirs[i], fit.Probability(scores[i]), 3);
        Assert.True(fit.A < 0, $"A = {fit.A}: a higher score must mean a higher probability");
    }

    [Fact]
    public void One_class_or_non_finite_scores_keep_the_sigmoid()
    {
        Assert.Same(PlattCalibration.Identity, PlattCalibration.Fit([1.0, 2.0], [1f, 1f]));
        Assert.Same(PlattCalibration.Identity, PlattCalibration.Fit([1.0, double.NaN], [1f, 0f]));
        Assert.Equal(1 / (1 + Math.Exp(-0.7)), PlattCalibration.Identity.Probability(0.7), 15);
    }

    [Fact]
    public void Only_margin_losses_that_are_not_log_odds_need_a_fit()
    {
        Assert.True(PlattCalibration.Needed(new HingeLoss()));
        Assert.True(PlattCalibration.Needed(new SquaredHingeLoss()));
        Assert.True(PlattCalibration.Needed(new ModifiedHuberLoss()));
        Assert.False(PlattCalibration.Needed(new LogLoss()));
        Assert.False(PlattCalibration.Needed(new FocalLoss(2, 0)));
    }

    private sealed class Row
    {
        public float Score { get; set; }

        public bool Label { get; set; }
    }
}
