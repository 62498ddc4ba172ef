using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Sgd;

public sealed class ClassWeightTests
{
    private static readonly Lazy<(LabeledData Train, LabeledData Validation)> LendingClub = new(() =>
        Synthetic.Split(SmallCsv.ReadBinary(SmallCsv.SamplePath("lending_club.csv"), "Class", "bad")));

    private static double MinorityRecall(string classWeights, string loss = "log")
    {
        var (train, validation) = LendingClub.Value;
        var outcome = new SgdTrainer().Train(train, validation,
            Params.Of(("class_weights", classWeights), ("loss", loss), ("learning_rate", 0.02), ("epochs", 5), ("batch_size", 16), ("seed", 1)),
            "auc", _ => true, CancellationToken.None);
        Assert.Equal(TrainingStatus.Completed, outcome.Status);
        // The decision is the predicted label (score > 0): a hinge model's Platt probability, fitted on the
        // unweighted rows, follows the 5% base rate whatever the class weights.
        var predicted = outcome.Model.Predict(validation.Features).PredictedLabels;
        int positives = 0, found = 0;
        for (int r = 0; r < validation.Rows; r++)
        {
            if (validation.Labels[r] < 0.5f) continue;
            positives++;
            if (predicted[r]) found++;
        }

        return (double)found / positives;
    }

    [Fact]
    public void Lending_club_has_a_small_bad_minority()
    {
        var (train, _) = LendingClub.Value;
        double share = train.Labels.ToArray().Average();
        Assert.InRange(share, 0.03, 0.08);
        Assert.True(train.Features.Columns >= 10);
    }

    [Theory]
    [InlineData("log")]
    [InlineData("hinge")]
    public void Balanced_class_weights_raise_minority_recall_on_lending_club(string loss)
    {
        double plain = MinorityRecall("none", loss), balanced = MinorityRecall("balanced", loss);
        Assert.True(balanced > plain + 0.2, $"recall of 'bad': none {plain:F3}, balanced {balanced:F3}");
    }

    [Fact]
    public void An_explicit_weight_list_also_raises_minority_recall() =>
        Assert.True(MinorityRecall("1,10") > MinorityRecall("none") + 0.2);
}
