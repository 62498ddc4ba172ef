using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Sgd;

public sealed class SgdRunControlTests
{
    private static readonly (LabeledData Train, LabeledData Validation) Data = Synthetic.Split(Synthetic.Binary(2000, 8, seed: 11, noise: 2.0));

    private static TrainingOutcome Train(HyperParameters parameters, Func<EpochRecord, bool>? onEpoch = null, CancellationToken ct = default) =>
        new SgdTrainer().Train(Data.Train, Data.Validation, parameters, "auc", onEpoch ?? (_ => true), ct);

    [Fact]
    public void Absurd_learning_rate_ends_as_diverged_with_a_kept_curve()
    {
        var reported = new List<EpochRecord>();
        var outcome = Train(Params.Of(("learning_rate", 1e6), ("epochs", 10), ("loss", "log")), e => { reported.Add(e); return true; });
        Assert.Equal(TrainingStatus.Diverged, outcome.Status);
        Assert.StartsWith("diverged at epoch ", outcome.Message);
        Assert.NotEmpty(outcome.Epochs);
        Assert.True(outcome.Epochs.Count < 10);
        Assert.Equal(outcome.Epochs.Count - 1, reported.Count);
        Assert.NotNull(outcome.Model.Predict(Data.Validation.Features));
    }

    [Fact]
    public void Exploding_squared_loss_diverges_to_non_finite_values_without_throwing()
    {
        var data = Synthetic.Split(Synthetic.Regression(1000, 5, seed: 12));
        var outcome = new SgdTrainer().Train(data.Train, data.Validation, Params.Of(("loss", "squared"), ("learning_rate", 50.0), ("epochs", 20)),
            "rmse", _ => true, CancellationToken.None);
        Assert.Equal(TrainingStatus.Diverged, outcome.Status);
        Assert.Contains("diverged at epoch 1", outcome.Message);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_curves_and_another_seed_differs()
    {
        HyperParameters P(int seed) => Params.Of(("seed", seed), ("epochs", 3), ("batch_size", 7), ("optimizer", "adam"), ("l1", 1e-3), ("l2", 1e-3));
        var a = Train(P(5));
        var b = Train(P(5));
        var c = Train(P(6));
        var wa = ((LinearModel)a.Model).Weights;
        Assert.Equal(wa, ((LinearModel)b.Model).Weights);
        Assert.Equal(a.Epochs, b.Epochs, (x, y) => x.TrainingLoss == y.TrainingLoss && x.ValidationLoss == y.ValidationLoss && x.GradientNorm == y.GradientNorm);
        Assert.NotEqual(wa, ((LinearModel)c.Model).Weights);
    }

    [Fact]
    public void Observer_returning_false_stops_the_run()
    {
        var outcome = Train(Params.Of(("epochs", 10)), e => e.Epoch < 3);
        Assert.Equal(TrainingStatus.Stopped, outcome.Status);
        Assert.Equal(3, outcome.Epochs.Count);
    }

    [Fact]
    public void Cancellation_throws()
    {
        using var source = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => Train(Params.Of(("epochs", 5)), e => { source.Cancel(); return true; }, source.Token));
    }

    [Fact]
    public void Early_stopping_returns_the_best_validation_epoch()
    {
        // Noisy labels, tiny batches and a large constant rate make the validation loss wander.
        var outcome = Train(Params.Of(("epochs", 40), ("batch_size", 1), ("learning_rate", 0.5), ("early_stopping_patience", 3), ("seed", 3)));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.Epochs.Count < 40, "early stopping should have stopped the run");
        var best = outcome.Epochs.MinBy(e => e.ValidationLoss)!;
        Assert.Equal(outcome.Epochs.Count - 3, best.Epoch);
        var (loss, _) = MiniBatchLoop.Evaluate((IScoringModel)outcome.Model, Data.Validation, new Tuner.Trainers.Losses.LogLoss(), null, "auc");
        Assert.Equal(best.ValidationLoss, loss, 12);
        Assert.NotEqual(outcome.Epochs[^1].ValidationLoss, loss);
    }

    [Fact]
    public void Bad_parameter_values_are_rejected_with_their_name()
    {
        Assert.Contains("batch_size", Assert.Throws<ArgumentException>(() => Train(Params.Of(("batch_size", 0)))).Message);
        Assert.Contains("optimizer", Assert.Throws<ArgumentException>(() => Train(Params.Of(("optimizer", "rmsprop")))).Message);
        Assert.Contains("class_weights", Assert.Throws<ArgumentException>(() => Train(Params.Of(("class_weights", "1,2,3")))).Message);
    }

    [Theory]
    [InlineData("norm")]
    [InlineData("value")]
    public void Clipping_keeps_an_aggressive_rate_from_diverging(string clip)
    {
        var outcome = Train(Params.Of(("learning_rate", 2.0), ("clip", clip), ("clip_threshold", 0.05), ("epochs", 3)));
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.Epochs[^1].ValidationMetric > 0.7);
    }

    [Fact]
    public void Metric_names_are_matched_without_case()
    {
        var outcome = new SgdTrainer().Train(Data.Train, Data.Validation, Params.Of(("epochs", 1)), "AUC", _ => true, CancellationToken.None);
        Assert.InRange(outcome.Epochs[0].ValidationMetric, 0.5, 1.0);
    }
}
