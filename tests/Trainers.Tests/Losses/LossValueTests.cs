using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;

namespace Trainers.Tests.Losses;

public sealed class LossValueTests
{
    [Theory]
    [InlineData(-4.0)]
    [InlineData(-0.3)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Focal_with_gamma_zero_and_alpha_off_equals_log_loss(double score)
    {
        var focal = new FocalLoss(gamma: 0, alpha: 0);
        var log = new LogLoss();
        foreach (var label in new[] { 0.0, 1.0 })
        {
            Assert.Equal(log.Value(score, label), focal.Value(score, label), 12);
            Assert.Equal(log.Derivative(score, label), focal.Derivative(score, label), 12);
        }
    }

    [Fact]
    public void Focal_with_gamma_zero_and_alpha_half_is_half_the_log_loss()
    {
        var focal = new FocalLoss(gamma: 0, alpha: 0.5);
        var log = new LogLoss();
        foreach (var label in new[] { 0.0, 1.0 })
            Assert.Equal(0.5 * log.Value(1.3, label), focal.Value(1.3, label), 12);
    }

    [Fact]
    public void Focal_with_positive_gamma_down_weights_easy_examples()
    {
        var focal = new FocalLoss(gamma: 2, alpha: 0);
        var log = new LogLoss();
        double easyRatio = focal.Value(4, 1) / log.Value(4, 1), hardRatio = focal.Value(-4, 1) / log.Value(-4, 1);
        Assert.True(easyRatio < 0.01 && hardRatio > 0.9, $"easy {easyRatio}, hard {hardRatio}");
    }

    [Fact]
    public void Softmax_focal_with_gamma_zero_equals_cross_entropy()
    {
        double[] scores = [0.3, -1.2, 2.0];
        var g1 = new double[3];
        var g2 = new double[3];
        double ce = new SoftmaxLoss().ValueAndGradient(scores, 1, g1);
        double focal = new SoftmaxFocalLoss(0).ValueAndGradient(scores, 1, g2);
        Assert.Equal(ce, focal, 12);
        for (int k = 0; k < 3; k++) Assert.Equal(g1[k], g2[k], 12);
    }

    [Fact]
    public void Log_loss_is_stable_for_huge_scores()
    {
        var log = new LogLoss();
        Assert.Equal(1000, log.Value(-1000, 1), 9);
        Assert.Equal(0, log.Value(1000, 1), 12);
        Assert.Equal(-1, log.Derivative(-1000, 1), 12);
    }

    [Theory]
    [InlineData("squared", 2.0, 0.5, 1.125)]
    [InlineData("absolute", 2.0, 0.5, 1.5)]
    [InlineData("huber", 2.0, 0.5, 1.0)] // δ=1: 1·(1.5 − 0.5)
    [InlineData("epsilon_insensitive", 2.0, 0.5, 1.4)] // ε=0.1
    [InlineData("poisson", 0.0, 3.0, 1.0)]
    public void Regression_losses_have_their_textbook_values(string name, double score, double label, double expected)
    {
        var loss = (ScalarLoss)LossFactory.Create(TaskKind.Regression, Params.Of(("loss", name)));
        Assert.Equal(expected, loss.Value(score, label), 12);
    }

    [Fact]
    public void Log_cosh_matches_its_definition()
    {
        var loss = new LogCoshLoss();
        Assert.Equal(Math.Log(Math.Cosh(1.7)), loss.Value(2.2, 0.5), 12);
    }

    [Fact]
    public void Unknown_loss_names_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => LossFactory.Create(TaskKind.Binary, Params.Of(("loss", "squared"))));
        Assert.Contains("hinge", error.Message);
    }

    [Fact]
    public void Balanced_class_weights_follow_n_over_k_count()
    {
        var weights = ClassWeights.Balanced(new float[] { 0, 0, 0, 1 }, 2);
        Assert.Equal(4.0 / (2 * 3), weights[0], 6);
        Assert.Equal(4.0 / (2 * 1), weights[1], 6);
    }
}
