using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Training;

public sealed class BoostedTreeTrainerTests
{
    public static TheoryData<string> BoostedTrainers => new(MlNetCatalog.All.Where(s => s.Boosted).Select(s => s.Name));

    /// <summary>
    /// All but one-versus-all FastTree: truncated, it keeps the longer fit's per-class Platt calibrators (its curve and
    /// its model agree, as the first test checks), while a fresh fit of fewer trees calibrates on its own scores.
    /// </summary>
    public static TheoryData<string> UncalibratedPerClass => new(MlNetCatalog.All.Where(s => s.Boosted && s.Name != "fasttree_ova").Select(s => s.Name));

    [Theory]
    [MemberData(nameof(BoostedTrainers))]
    public void Each_round_is_on_the_curve_and_the_model_is_the_best_rounds_ensemble(string name)
    {
        var spec = MlNetCatalog.Find(name)!;
        var (train, valid) = Data(spec);
        var metric = MetricInfo.DefaultFor(spec.Task);
        var parameters = Params.Of((MlNetParameterNames.Trees, 120), (MlNetParameterNames.LearningRate, 0.3), (MlNetParameterNames.Leaves, 8));

        var outcome = new BoostedTreeTrainer(spec, 7).Train(train, valid, parameters, metric, _ => true, CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.Equal(Enumerable.Range(1, outcome.Epochs.Count), outcome.Epochs.Select(e => e.Epoch));
        Assert.All(outcome.Epochs, e => Assert.True(double.IsFinite(e.TrainingLoss) && double.IsFinite(e.ValidationLoss) && double.IsFinite(e.ValidationMetric)));
        var info = MetricInfo.Find(spec.Task, metric)!;
        var best = outcome.Epochs.Aggregate((a, b) => info.IsBetter(b.ValidationMetric, a.ValidationMetric) ? b : a);
        // The staged prediction of the chosen round is what ML.NET's truncated model predicts.
        var predictions = outcome.Model.Predict(valid.Features);
        Assert.Equal(best.ValidationMetric, MetricCalculator.Compute(valid.Labels, predictions, metric), 1e-5);
        var loss = spec.Task == TaskKind.Regression ? Math.Pow(MetricCalculator.Compute(valid.Labels, predictions, "rmse"), 2)
            : MetricCalculator.Compute(valid.Labels, predictions, "logloss");
        Assert.Equal(best.ValidationLoss, loss, 1e-5 * Math.Max(1, loss));
        // Training loss falls as trees are added.
        Assert.True(outcome.Epochs[^1].TrainingLoss < outcome.Epochs[0].TrainingLoss);
    }

    [Theory]
    [MemberData(nameof(UncalibratedPerClass))]
    public void The_kept_rounds_are_the_model_a_fit_of_that_many_trees_gives(string name)
    {
        var spec = MlNetCatalog.Find(name)!;
        var (train, valid) = Data(spec);
        var metric = MetricInfo.DefaultFor(spec.Task);
        var parameters = Params.Of((MlNetParameterNames.Trees, 200), (MlNetParameterNames.LearningRate, 0.5), (MlNetParameterNames.Leaves, 16),
            (MlNetParameterNames.BaggingFraction, 0.7), (MlNetParameterNames.FeatureFraction, 0.8));

        var outcome = new BoostedTreeTrainer(spec, 3).Train(train, valid, parameters, metric, _ => true, CancellationToken.None);
        var info = MetricInfo.Find(spec.Task, metric)!;
        var kept = outcome.Epochs.Aggregate((a, b) => info.IsBetter(b.ValidationMetric, a.ValidationMetric) ? b : a).Epoch;
        var direct = new MlNetTrainer(spec, 3).Train(train, valid, new HyperParameters(parameters.Values.SetItem(MlNetParameterNames.Trees, kept)),
            metric, _ => true, CancellationToken.None);

        var a = outcome.Model.Predict(valid.Features).Values.ToArray();
        var b = direct.Model.Predict(valid.Features).Values.ToArray();
        Assert.Equal(b.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], 1e-6);
    }

    [Theory]
    [MemberData(nameof(BoostedTrainers))]
    public void Cancelled_while_a_later_stage_is_fitted_it_hands_over_the_reported_rounds_model_which_its_trees_setting_trains_again(string name)
    {
        var spec = MlNetCatalog.Find(name)!;
        var (train, valid) = Data(spec);
        var metric = MetricInfo.DefaultFor(spec.Task);
        var parameters = Params.Of((MlNetParameterNames.Trees, 300), (MlNetParameterNames.LearningRate, 0.05), (MlNetParameterNames.Leaves, 8));
        using var budget = new CancellationTokenSource();

        // The budget runs out as the second stage's last round is reported: the third stage's fit is what it cancels.
        var cut = Assert.Throws<CutShortException>(() => new BoostedTreeTrainer(spec, 5).Train(train, valid, parameters, metric, record =>
        {
            if (record.Epoch == BoostedTreeTrainer.Stages(300).ElementAt(1)) budget.Cancel();
            return true;
        }, budget.Token));

        Assert.Equal(81, cut.Outcome.Epochs.Count);
        Assert.Equal(new KeyValuePair<string, object>(MlNetParameterNames.Trees, 81.0), cut.Reproducing);
        var again = new BoostedTreeTrainer(spec, 5).Train(train, valid, new HyperParameters(parameters.Values.SetItem(cut.Reproducing.Key, cut.Reproducing.Value)),
            metric, _ => true, CancellationToken.None);
        Assert.Equal(again.Epochs.Select(e => e.ValidationMetric), cut.Outcome.Epochs.Select(e => e.ValidationMetric));
        Assert.Equal(again.Model.Predict(valid.Features).Values.ToArray(), cut.Outcome.Model.Predict(valid.Features).Values.ToArray());
    }

    [Fact]
    public void Cancelled_before_any_round_is_reported_it_is_a_plain_cancellation()
    {
        var spec = MlNetCatalog.Find("lightgbm")!;
        var (train, valid) = Data(spec);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() =>
            new BoostedTreeTrainer(spec, 5).Train(train, valid, Params.Of((MlNetParameterNames.Trees, 100)), "auc", _ => true, cancelled.Token));
        Assert.IsNotType<CutShortException>(thrown);
    }

    [Fact]
    public void A_class_the_training_rows_lack_gets_probability_zero_on_the_curve_as_in_the_model()
    {
        var (train, valid) = Data(TaskKind.Multiclass);
        LabeledData FourClasses(LabeledData d) => new(d.Features, d.Labels.ToArray(), TaskKind.Multiclass, 4);

        var outcome = new BoostedTreeTrainer(MlNetCatalog.Find("lightgbm_multi")!, 2).Train(FourClasses(train), FourClasses(valid),
            Params.Of((MlNetParameterNames.Trees, 40)), "logloss", _ => true, CancellationToken.None);

        var predictions = outcome.Model.Predict(valid.Features);
        Assert.Equal(4, predictions.Width);
        var best = outcome.Epochs.MinBy(e => e.ValidationMetric)!;
        Assert.Equal(best.ValidationMetric, MetricCalculator.Compute(valid.Labels, predictions, "logloss"), 1e-5);
    }

    [Fact]
    public void A_pruned_run_stops_at_the_round_its_observer_refused()
    {
        var spec = MlNetCatalog.Find("lightgbm")!;
        var (train, valid) = Data(TaskKind.Binary);

        var outcome = new BoostedTreeTrainer(spec, 1).Train(train, valid, Params.Of((MlNetParameterNames.Trees, 500)), "auc",
            e => e.Epoch < 9, CancellationToken.None);

        Assert.Equal(TrainingStatus.Stopped, outcome.Status);
        Assert.Equal(9, outcome.Epochs.Count);
    }

    [Fact]
    public void Early_stopping_ends_growth_once_the_metric_stalls()
    {
        var spec = MlNetCatalog.Find("lightgbm")!;
        var (train, valid) = Data(TaskKind.Binary);

        // A high learning rate on noisy data peaks early; 1,000 rounds are never grown.
        var outcome = new BoostedTreeTrainer(spec, 1).Train(train, valid,
            Params.Of((MlNetParameterNames.Trees, 1000), (MlNetParameterNames.LearningRate, 0.9), (MlNetParameterNames.Leaves, 32)), "auc",
            _ => true, CancellationToken.None);

        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        Assert.True(outcome.Epochs.Count < 1000, $"{outcome.Epochs.Count} rounds");
        Assert.StartsWith("early stopping: kept", outcome.Message);
    }

    [Fact]
    public void Stages_grow_threefold_from_27_rounds_and_end_at_the_limit()
    {
        Assert.Equal([27, 100], BoostedTreeTrainer.Stages(100));
        Assert.Equal([27, 81, 243, 1000], BoostedTreeTrainer.Stages(1000));
        Assert.Equal([50], BoostedTreeTrainer.Stages(50));
        Assert.Equal([27, 54], BoostedTreeTrainer.Stages(54));
    }

    /// <summary>The task's data; the Tweedie trees' target is a positive amount (exp of the synthetic one).</summary>
    private static (LabeledData Train, LabeledData Valid) Data(MlNetTrainerSpec spec)
    {
        if (spec.Name != "fasttree_tweedie") return Data(spec.Task);
        var data = Synthetic.Regression(600, 8, seed: 11, noise: 0.5);
        var amounts = data.Labels.ToArray().Select(y => (float)Math.Exp(y / 4)).ToArray();
        return Synthetic.Split(new LabeledData(data.Features, amounts, TaskKind.Regression, 0));
    }

    private static (LabeledData Train, LabeledData Valid) Data(TaskKind task) => Synthetic.Split(task switch
    {
        TaskKind.Binary => Synthetic.Binary(600, 8, seed: 11, noise: 1.0),
        TaskKind.Multiclass => Synthetic.Multiclass(600, 6, 3, seed: 11),
        _ => Synthetic.Regression(600, 8, seed: 11, noise: 0.5),
    });
}
