using Trainers.Tests.Helpers;
using Tuner.Trainers.Regularizers;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Regularizers;

public sealed class RegularizationTests
{
    [Fact]
    public void L1_drives_irrelevant_features_to_exact_zeros()
    {
        var data = Synthetic.Split(Synthetic.Binary(4000, 20, seed: 21, relevant: 4));
        var outcome = new SgdTrainer().Train(data.Train, data.Validation,
            Params.Of(("l1", 0.01), ("learning_rate", 0.05), ("epochs", 10), ("batch_size", 8)), "accuracy", _ => true, CancellationToken.None);
        var weights = ((LinearModel)outcome.Model).Weights;
        Assert.All(weights[..4], w => Assert.NotEqual(0f, w));
        int zeros = weights[4..].Count(w => w == 0f);
        Assert.True(zeros >= 14, $"{zeros} of 16 irrelevant weights are exactly zero: [{string.Join(", ", weights)}]");
        Assert.True(outcome.Epochs[^1].ValidationMetric > 0.9);
    }

    [Fact]
    public void Without_l1_irrelevant_weights_are_not_exactly_zero()
    {
        var data = Synthetic.Split(Synthetic.Binary(4000, 20, seed: 21, relevant: 4));
        var outcome = new SgdTrainer().Train(data.Train, data.Validation,
            Params.Of(("learning_rate", 0.05), ("epochs", 10), ("batch_size", 8)), "accuracy", _ => true, CancellationToken.None);
        Assert.True(((LinearModel)outcome.Model).Weights.Count(w => w == 0f) < 2);
    }

    [Fact]
    public void L2_shrinks_the_weight_norm()
    {
        var data = Synthetic.Split(Synthetic.Binary(2000, 10, seed: 22));
        double Norm(double l2) => new SgdTrainer().Train(data.Train, data.Validation,
            Params.Of(("l2", l2), ("learning_rate", 0.1), ("epochs", 5)), "auc", _ => true, CancellationToken.None).Epochs[^1].WeightNorm;
        Assert.True(Norm(0.1) < 0.5 * Norm(0), $"{Norm(0.1)} vs {Norm(0)}");
    }

    [Fact]
    public void Cumulative_penalty_clips_at_zero_and_catches_up_later()
    {
        var layout = ParameterLayout.Sequential([(2, 1)]);
        var l1 = new L1CumulativePenalty(1.0, layout);
        float[] w = [0.25f, -1f, 5f];
        l1.Apply(w, 0.5); // u = 0.5
        Assert.Equal([0f, -0.5f, 5f], w); // weight 0 clipped at zero; bias untouched
        w[0] = 0.3f; // a gradient step pushes it back up
        l1.Apply(w, 0.5); // u = 1.0, q0 = −0.25: 0.3 − (1.0 − 0.25) < 0 → 0
        Assert.Equal(0f, w[0]);
        Assert.Equal(0f, w[1]); // −0.5 + (1.0 − 0.5) = 0
    }

    [Fact]
    public void L2_penalty_and_gradient_skip_biases()
    {
        var layout = ParameterLayout.Sequential([(2, 1)]);
        var l2 = new L2Regularizer(0.5);
        float[] w = [2f, -4f, 100f];
        var g = new float[3];
        l2.AddGradient(w, g, layout);
        Assert.Equal([1f, -2f, 0f], g);
        Assert.Equal(0.5 * 0.5 * 20, l2.Penalty(w, layout), 9);
    }
}
