using Tuner.Trainers.Optimizers;

namespace Trainers.Tests.Optimizers;

public sealed class OptimizerTests
{
    [Fact]
    public void Sgd_steps_against_the_gradient()
    {
        float[] w = [1f, -2f];
        new SgdOptimizer().Step(w, [0.5f, -1f], 0.1f);
        Assert.Equal([0.95f, -1.9f], w);
    }

    [Fact]
    public void Momentum_accumulates_velocity()
    {
        var optimizer = new MomentumOptimizer(1, 0.9, nesterov: false);
        float[] w = [0f];
        optimizer.Step(w, [1f], 0.1f); // v = 1, w = −0.1
        optimizer.Step(w, [1f], 0.1f); // v = 1.9, w = −0.29
        Assert.Equal(-0.29f, w[0], 6);
    }

    [Fact]
    public void Nesterov_looks_ahead_along_the_velocity()
    {
        var optimizer = new MomentumOptimizer(1, 0.9, nesterov: true);
        float[] w = [0f];
        optimizer.Step(w, [1f], 0.1f); // v = 1, w = −0.1·(1 + 0.9) = −0.19
        Assert.Equal(-0.19f, w[0], 6);
    }

    [Fact]
    public void Adam_first_step_moves_each_weight_by_about_the_learning_rate()
    {
        var optimizer = new AdamOptimizer(2, 0.9, 0.999);
        float[] w = [0f, 0f];
        optimizer.Step(w, [1e-3f, -50f], 0.01f);
        Assert.Equal(-0.01f, w[0], 4);
        Assert.Equal(0.01f, w[1], 4);
    }

    [Fact]
    public void Norm_clipping_rescales_and_value_clipping_clamps()
    {
        float[] g = [3f, 4f];
        new GradientClipper("norm", 1).Apply(g, 5);
        Assert.Equal(0.6f, g[0], 6);
        Assert.Equal(0.8f, g[1], 6);
        float[] h = [3f, -0.2f, -4f];
        new GradientClipper("value", 0.5).Apply(h, 5);
        Assert.Equal([0.5f, -0.2f, -0.5f], h);
    }
}
