using Tuner.Study;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Study;

public sealed class WinnerModelTests
{
    [Fact]
    public void Keeps_the_best_trials_model_and_gives_it_only_for_that_trial()
    {
        var kept = new WinnerModel(higherIsBetter: true);
        ITrainedModel first = new Constant(1), better = new Constant(2), worse = new Constant(3);

        kept.Offer(0, 0.80, first);
        kept.Offer(1, 0.85, better);
        kept.Offer(2, 0.70, worse);

        Assert.Same(better, kept.Of(1));
        Assert.Null(kept.Of(0));
        Assert.Null(kept.Of(2));
    }

    [Fact]
    public void Lower_is_better_for_an_error_metric()
    {
        var kept = new WinnerModel(higherIsBetter: false);
        ITrainedModel small = new Constant(1), large = new Constant(2);

        kept.Offer(4, 12.5, small);
        kept.Offer(5, 30.0, large);

        Assert.Same(small, kept.Of(4));
        Assert.Null(kept.Of(5));
    }

    private sealed class Constant(double value) : ITrainedModel
    {
        public Predictions Predict(FeatureMatrix features) => new(TaskKind.Regression, Enumerable.Repeat(value, features.Rows).ToArray(), 1);
    }
}
