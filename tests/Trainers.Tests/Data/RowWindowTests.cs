using Microsoft.ML.Data;
using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Tests.Data;

public sealed class RowWindowTests
{
    private const int Columns = 7;

    [Fact]
    public void A_prefix_is_the_first_rows_over_the_same_array()
    {
        var data = Synthetic.Binary(50, Columns, seed: 1);

        var prefix = data.Prefix(20);

        Assert.Equal(20, prefix.Rows);
        Assert.Equal(data.Features.ToArray()[..(20 * Columns)], prefix.Features.ToArray());
        Assert.Equal(data.Labels[..20].ToArray(), prefix.Labels.ToArray());
        Assert.Equal(data.Features.Row(19).ToArray(), prefix.Features.Row(19).ToArray());
        // A view, not a copy: the same memory, starting at the same place.
        Assert.True(prefix.Features.Row(0).Overlaps(data.Features.Row(0), out var offset) && offset == 0);
        Assert.True(prefix.Labels.Overlaps(data.Labels, out var labelOffset) && labelOffset == 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => prefix.Features.Row(20).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Prefix(51));
        Assert.Equal(data.Task, prefix.Task);
        Assert.Equal(data.ClassCount, prefix.ClassCount);
    }

    [Fact]
    public void A_window_of_a_window_reads_the_rows_it_names()
    {
        var data = Synthetic.Binary(50, Columns, seed: 2);

        var window = data.Window(10, 30).Window(5, 10);

        Assert.Equal(10, window.Rows);
        for (var r = 0; r < 10; r++)
        {
            Assert.Equal(data.Features.Row(15 + r).ToArray(), window.Features.Row(r).ToArray());
            Assert.Equal(data.Labels[15 + r], window.Labels[r]);
        }

        Assert.Equal(data.Features.ToArray().AsSpan(15 * Columns, 10 * Columns).ToArray(), window.Features.ToArray());
        Assert.True(data.Features.Row(15).Overlaps(window.Features.Row(0), out var offset) && offset == 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Window(10, 30).Window(25, 6));
    }

    [Fact]
    public void MatrixDataView_of_a_prefix_counts_and_visits_only_its_rows()
    {
        var data = Synthetic.Binary(50, Columns, seed: 3);
        var view = new MatrixDataView(data.Prefix(12));

        Assert.Equal(12, view.GetRowCount());
        foreach (var random in new Random?[] { null, new Random(4) })
        {
            using var cursor = view.GetRowCursor(view.Schema, random);
            var features = cursor.GetGetter<VBuffer<float>>(view.Schema[MatrixDataView.FeaturesColumn]);
            var seen = new List<float[]>();
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                features(ref buffer);
                seen.Add(buffer.DenseValues().ToArray());
            }

            Assert.Equal(12, seen.Count);
            var expected = Enumerable.Range(0, 12).Select(r => data.Features.Row(r).ToArray()).ToList();
            Assert.All(seen, row => Assert.Contains(expected, e => e.SequenceEqual(row)));
        }
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("mlp")]
    [InlineData("sdca_logistic")]
    public void A_trainer_on_a_prefix_learns_what_it_learns_on_a_copy_of_those_rows(string trainer)
    {
        var data = Synthetic.Binary(400, Columns, seed: 5);
        var validation = Synthetic.Binary(100, Columns, seed: 6);
        var copy = new LabeledData(new FeatureMatrix(data.Features.ToArray()[..(150 * Columns)], 150, Columns), data.Labels[..150].ToArray(), TaskKind.Binary, 2);
        var parameters = trainer == "sdca_logistic" ? Params.Of() : Params.Of(("epochs", 3));

        Predictions Fit(LabeledData rows) =>
            TrainerRegistry.Create(trainer, 7).Train(rows, validation, parameters, "auc", _ => true, CancellationToken.None).Model.Predict(validation.Features);

        var onPrefix = Fit(data.Prefix(150));
        Assert.Equal(Fit(copy).Values.ToArray(), onPrefix.Values.ToArray());
        // And the rows past the prefix do matter: all of them give another model.
        Assert.NotEqual(Fit(data).Values.ToArray(), onPrefix.Values.ToArray());
    }
}
