using Trainers.Tests.Helpers;
using Tuner.Trainers.Optimizers;

namespace Trainers.Tests.Optimizers;

/// <summary>The contract of every registered optimiser at its defaults.</summary>
public sealed class OptimizerContractTests
{
    public static TheoryData<string> AllOptimizers() => new(OptimizerFactory.Names);

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Steps_against_the_gradient_bring_a_quadratic_down(string name)
    {
        var optimizer = OptimizerFactory.Create(Params.Of(("optimizer", name)), 3);
        float[] w = [2f, -1f, 0.5f];
        double Loss() => w.Sum(x => 0.5 * x * x);
        double start = Loss();
        for (int step = 0; step < 50; step++)
            optimizer.Step(w, w.ToArray(), 0.05f); // ∇½‖w‖² = w
        Assert.True(Loss() < 0.5 * start, $"{name}: loss {start} → {Loss()}");
        Assert.All(w, x => Assert.True(float.IsFinite(x)));
    }
}
