using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Tests.Data;

/// <summary>A matrix held in several chunks (as ten million rows are) reads and trains as one array does.</summary>
public sealed class ChunkedMatrixTests
{
    private const int Columns = 5;

    [Fact]
    public void Rows_and_windows_across_chunks_read_the_values_written()
    {
        var whole = Synthetic.Binary(23, Columns, seed: 1);
        var chunked = Chunked(whole, chunkValues: 4 * Columns);

        for (var r = 0; r < 23; r++) Assert.Equal(whole.Features.Row(r).ToArray(), chunked.Features.Row(r).ToArray());
        Assert.Equal(whole.Features.ToArray(), chunked.Features.ToArray());
        // Rows 3…10 span three chunks of four rows.
        Assert.Equal(whole.Features.Window(3, 8).ToArray(), chunked.Features.Window(3, 8).ToArray());
        Assert.Equal(whole.Features.Row(9).ToArray(), chunked.Features.Window(3, 8).Window(2, 5).Row(4).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => chunked.Features.Row(23).ToArray());
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("mlp")]
    [InlineData("lightgbm")]
    public void A_trainer_learns_the_same_model_from_a_chunked_matrix(string trainer)
    {
        var data = Synthetic.Binary(300, Columns, seed: 2);
        var validation = Synthetic.Binary(80, Columns, seed: 3);
        var parameters = trainer == "lightgbm" ? Params.Of(("trees", 20)) : Params.Of(("epochs", 3));

        double[] Fit(LabeledData rows) =>
            TrainerRegistry.Create(trainer, 7).Train(rows, validation, parameters, "auc", _ => true, CancellationToken.None)
                .Model.Predict(validation.Features).Values.ToArray();

        Assert.Equal(Fit(data), Fit(Chunked(data, chunkValues: 64 * Columns)));
    }

    private static LabeledData Chunked(LabeledData data, int chunkValues)
    {
        var matrix = FeatureMatrix.Allocate(data.Rows, Columns, out var writableRow, chunkValues);
        for (var r = 0; r < data.Rows; r++) data.Features.Row(r).CopyTo(writableRow(r));
        return new LabeledData(matrix, data.Labels.ToArray(), data.Task, data.ClassCount);
    }
}
