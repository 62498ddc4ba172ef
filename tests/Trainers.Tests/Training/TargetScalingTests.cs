using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;
using Trainers.Tests.Helpers;

namespace Trainers.Tests.Training;

public sealed class TargetScalingTests
{
    [Theory]
    [InlineData("rmse")]
    [InlineData("mae")]
    [InlineData("r2")]
    public void The_curve_reports_the_metric_in_the_targets_own_units(string metric)
    {
        var data = Synthetic.Regression(600, 5, seed: 45);
        var large = data.Labels.ToArray().Select(y => y * 5000f).ToArray(); // prices-sized targets
        var (train, validation) = Synthetic.Split(new LabeledData(data.Features, large, TaskKind.Regression, 0));
        var observed = new List<EpochRecord>();
        var outcome = new TargetScaling(new SgdTrainer()).Train(train, validation, Params.Of(("learning_rate", 0.05), ("epochs", 5)),
            metric, record => { observed.Add(record); return true; }, CancellationToken.None);

        // With no early stopping the model is the last epoch's: its metric on the validation rows is the last point's.
        var final = MetricCalculator.Compute(validation.Labels, outcome.Model.Predict(validation.Features), metric);
        Assert.Equal(final, outcome.Epochs[^1].ValidationMetric, final * 1e-5);
        Assert.Equal(outcome.Epochs.Select(e => e.ValidationMetric), observed.Select(e => e.ValidationMetric));
    }
}
