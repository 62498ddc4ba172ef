using Trainers.Tests.Helpers;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Training;

public sealed class ForestTreeTrainerTests
{
    [Fact]
    public void Each_tree_is_on_the_curve_and_the_last_point_is_what_the_forest_predicts()
    {
        var (train, valid) = Synthetic.Split(Synthetic.Binary(600, 8, seed: 11, noise: 1.0));
        var spec = MlNetCatalog.Find("fastforest")!;
        var outcome = TrainerRegistry.Create("fastforest", 5).Train(train, valid, Params.Of((MlNetParameterNames.Trees, 40)), "auc", _ => true, CancellationToken.None);

        Assert.True(spec.Forest);
        Assert.Equal(Enumerable.Range(1, 40), outcome.Epochs.Select(e => e.Epoch));
        var predictions = outcome.Model.Predict(valid.Features);
        Assert.Equal(MetricCalculator.Compute(valid.Labels, predictions, "auc"), outcome.Epochs[^1].ValidationMetric, 1e-5);
        Assert.Equal(MetricCalculator.Compute(valid.Labels, predictions, "logloss"), outcome.Epochs[^1].ValidationLoss, 1e-5);
        // A forest of one tree is worse on validation than the forest of forty.
        Assert.True(outcome.Epochs[0].ValidationLoss > outcome.Epochs[^1].ValidationLoss);
        Assert.Equal(int.MaxValue, TrainerRegistry.FirstPrunableEpoch("fastforest"));
    }
}
