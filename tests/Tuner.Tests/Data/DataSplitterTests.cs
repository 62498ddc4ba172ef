using Tuner.Data;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Data;

public sealed class DataSplitterTests
{
    [Fact]
    public void Holdout_is_stratified_seeded_and_keeps_rare_classes_in_validation()
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data("shuttle.csv"), "Class", null, []));

        var (train, valid) = DataSplitter.Holdout(data.Labels, TaskKind.Multiclass, seed: 5);
        var again = DataSplitter.Holdout(data.Labels, TaskKind.Multiclass, seed: 5);

        Assert.Equal(train, again.Train);
        Assert.Equal(data.Rows, train.Length + valid.Length);
        Assert.Empty(train.Intersect(valid));
        for (var c = 0; c < data.Label.Classes.Count; c++)
        {
            var total = data.Labels.Count(l => l == c);
            var inValidation = valid.Count(r => data.Labels[r] == c);
            Assert.InRange(inValidation, 1, Math.Ceiling(total * 0.2) + 1);
            Assert.InRange(inValidation, Math.Floor(total * 0.2) - 1, total);
        }
    }

    [Fact]
    public void Folds_partition_the_rows()
    {
        var labels = Enumerable.Range(0, 103).Select(i => (float)(i % 3)).ToArray();

        var folds = DataSplitter.Folds(labels, TaskKind.Multiclass, k: 5, seed: 1);

        Assert.Equal(Enumerable.Range(0, 103), folds.SelectMany(f => f.Validation).Order());
        Assert.All(folds, f => Assert.Equal(103, f.Train.Length + f.Validation.Length));
        Assert.All(folds, f => Assert.InRange(f.Validation.Length, 20, 21));
    }
}
