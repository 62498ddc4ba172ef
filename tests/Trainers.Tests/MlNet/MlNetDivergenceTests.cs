using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Trainers.Tests.MlNet;

public sealed class MlNetDivergenceTests
{
    [Fact]
    public void Online_gradient_descent_blowing_up_is_a_divergence_not_a_failure()
    {
        var data = Synthetic.Regression(400, 5, seed: 8);
        var large = data.Labels.ToArray().Select(y => y * 1e6f).ToArray();
        var (train, validation) = Synthetic.Split(new LabeledData(data.Features, large, TaskKind.Regression, 0));
        var trainer = TrainerRegistry.Create("online_gd", 1);
        var error = Assert.Throws<DivergenceException>(() =>
            trainer.Train(train, validation, Params.Of(("learning_rate", 1e6), ("iterations", 20)), "rmse", _ => true, CancellationToken.None));
        Assert.Contains("NaN or Infinite", error.Message, StringComparison.Ordinal);
    }
}
