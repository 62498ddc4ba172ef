using Microsoft.ML;
using Tuner.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Production;

namespace Tuner.Tests.Data;

public sealed class FeaturizationTests
{
    [Fact]
    public void Featurizer_is_fitted_on_training_rows_only()
    {
        var dir = Samples.TempDirectory();
        var random = new Random(7);
        var train = "x,c,y\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"{random.NextDouble() * 10:F4},{(i % 2 == 0 ? "a" : "b")},{i % 2}\n"));
        // Validation rows are far outside the training range and carry a category training never saw.
        var valid = "x,c,y\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{1_000_000 + i},z,{i % 2}\n"));
        var data = DatasetLoader.Load(new DataOptions(Samples.WriteCsv(dir, "train.csv", train), "y", null, []));
        var validation = DatasetLoader.LoadValidation(Samples.WriteCsv(dir, "valid.csv", valid), data);

        var fold = DataPreparation.Prepare(new MLContext(1), data, validation, folds: 1, seed: 1).Folds.Single();

        // Column 0 is x standardised with training statistics: mean 0, unit variance on training rows.
        var trainX = Column(fold.Training.Features, 0);
        Assert.Equal(0, trainX.Average(), 3);
        Assert.Equal(1, Math.Sqrt(trainX.Average(v => v * v)), 1);
        // Had the validation rows leaked into the fit, the training values would be squashed near one point.
        Assert.True(Column(fold.Validation.Features, 0).Min() > 1000);
        // The unseen category one-hot encodes to all zeros; a and b are the two one-hot columns.
        Assert.Equal(3, fold.Training.Features.Columns);
        Assert.All(Enumerable.Range(0, fold.Validation.Rows), r => Assert.Equal(0f, fold.Validation.Features.Row(r)[1] + fold.Validation.Features.Row(r)[2]));
    }

    [Fact]
    public void Each_fold_standardises_with_its_own_training_rows()
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data("breastcancer_wisc_na.csv"), "Class", null, ["Id"]));

        var folds = DataPreparation.Prepare(new MLContext(1), data, null, folds: 3, seed: 3).Folds;

        Assert.Equal(3, folds.Count);
        Assert.Equal(data.Rows, folds.Sum(f => f.Validation.Rows));
        foreach (var fold in folds)
        {
            Assert.Equal(0, Column(fold.Training.Features, 0).Average(), 4);
            Assert.NotEqual(0, Column(fold.Validation.Features, 0).Average(), 4);
            Assert.All(fold.Training.Features.ToArray(), value => Assert.True(float.IsFinite(value)));
        }
    }

    [Fact]
    public void The_cell_featurizer_writes_ml_nets_matrix_bit_for_bit()
    {
        var dir = Samples.TempDirectory();
        var (train, rows) = MixedData(dir, 50_000, seed: 11);
        // Rows of another file: numbers beyond the training range, values training never saw, yes/no words in
        // other cases, and cells padded with spaces (trimmed by the pipeline's expression).
        var valid = DatasetLoader.LoadValidation(Samples.WriteCsv(dir, "valid.csv", "x,big,flag,colour,code,y\n" +
            "1e9,-3e12,Y,purple,k9999,0\n,,, c1 ,,1\n-0.5,7,YES,c4,  k3,0\n"), train);
        var fitted = Featurizer.Plan(train, rows).Fit(new MLContext(1), TableDataView.Columns(train), rows);

        AssertSameAsMlNet(fitted, train, rows);
        AssertSameAsMlNet(fitted, valid, Enumerable.Range(0, valid.Rows).ToArray());
        Assert.True(fitted.FeatureCount(TableDataView.Columns(train)) > 200); // numbers, indicators, one-hot and hashed buckets
    }

    [Fact]
    public void A_categorical_column_missing_in_every_training_row_is_featurized_alike()
    {
        var dir = Samples.TempDirectory();
        var csv = "x,c,y\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{i},{(i < 80 ? "" : "v" + i % 3)},{i % 2}\n"));
        var data = DatasetLoader.Load(new DataOptions(Samples.WriteCsv(dir, "d.csv", csv), "y", null, []));
        var training = Enumerable.Range(0, 80).ToArray();

        var fitted = Featurizer.Plan(data, training).Fit(new MLContext(1), TableDataView.Columns(data), training);

        AssertSameAsMlNet(fitted, data, Enumerable.Range(0, data.Rows).ToArray());
    }

    [Theory]
    [InlineData("spam.csv", "type")]
    [InlineData("credit_data.csv", "Status")]
    [InlineData("lending_club.csv", "Class")]
    [InlineData("breastcancer_wisc_na.csv", "Class")]
    [InlineData("letter.csv", "lettr")]
    [InlineData("shuttle.csv", "Class")]
    [InlineData("diamonds.csv", "price")]
    [InlineData("ames.csv", "Sale_Price")]
    public void The_cell_featurizer_writes_ml_nets_matrix_of_every_sample(string file, string label)
    {
        var data = DatasetLoader.Load(new DataOptions(Samples.Data(file), label, null, []));
        var rows = Enumerable.Range(0, data.Rows).Where(r => r % 4 != 0).Reverse().ToArray();
        var fitted = Featurizer.Plan(data, rows).Fit(new MLContext(1), TableDataView.Columns(data), rows);

        AssertSameAsMlNet(fitted, data, Enumerable.Range(0, data.Rows).ToArray());
    }

    [Fact]
    public void Featurizing_text_in_shares_gives_the_matrix_of_one_pass()
    {
        var dir = Samples.TempDirectory();
        var (data, rows) = MixedData(dir, 50_000, seed: 12);
        var plan = Featurizer.Plan(data, rows);
        plan = plan with { Columns = plan.Columns.Select(c => c.Name == "code" ? c with { Encoding = FeatureEncoding.Text } : c).ToList() };
        var fitted = plan.Fit(new MLContext(1), TableDataView.Columns(data), rows);

        AssertSameAsMlNet(fitted, data, rows);
    }

    /// <summary>Numbers (one of them huge), a yes/no flag, five colours and 400 codes, each cell missing one time in 50.</summary>
    private static (Dataset Data, int[] Rows) MixedData(string dir, int rows, int seed)
    {
        var random = new Random(seed);
        string Cell(string value) => random.NextDouble() < 0.02 ? "" : value;
        var csv = "x,big,flag,colour,code,y\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
            $"{Cell($"{random.NextDouble() * 100:F3}")},{Cell($"{random.NextDouble() * 1e9:F0}")},{Cell(random.Next(2) == 0 ? "yes" : "no")},{Cell($"c{random.Next(5)}")},{Cell($"k{random.Next(400)}")},{i % 2}\n"));
        var data = DatasetLoader.Load(new DataOptions(Samples.WriteCsv(dir, "d.csv", csv), "y", null, []));
        return (data, Enumerable.Range(0, data.Rows).Reverse().ToArray());
    }

    private static void AssertSameAsMlNet(FittedFeaturization fitted, Dataset data, int[] rows)
    {
        var ours = fitted.Materialize(TableDataView.Columns(data), rows);
        var mlNet = FeatureVectors.Materialize(fitted.Transformer.Transform(TableDataView.Over(data, rows)), rows.Length);
        Assert.Equal(mlNet.Columns, ours.Columns);
        Assert.Equal(mlNet.ToArray().Select(BitConverter.SingleToInt32Bits), ours.ToArray().Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void High_cardinality_categoricals_are_hashed()
    {
        var dir = Samples.TempDirectory();
        var csv = "id,c,y\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"k{i},{(i % 3 == 0 ? "p" : "q")},{i % 2}\n"));
        var data = DatasetLoader.Load(new DataOptions(Samples.WriteCsv(dir, "d.csv", csv), "y", null, []));

        var prepared = DataPreparation.Prepare(new MLContext(1), data, null, folds: 1, seed: 1);

        Assert.Contains("hashed one-hot", prepared.Featurization);
        Assert.Equal((1 << Featurizer.HashBits) + 2, prepared.Folds[0].Training.Features.Columns);
    }

    [Fact]
    public void A_numeric_or_yes_no_column_with_missing_training_cells_gets_a_was_missing_feature()
    {
        var dir = Samples.TempDirectory();
        var random = new Random(11);
        string Row(int i, bool xMissing, bool flagMissing) =>
            $"{(xMissing ? "" : $"{random.NextDouble():F4}")},{random.NextDouble():F4},{(flagMissing ? "" : i % 2 == 0 ? "yes" : "no")},{i % 2}\n";
        var train = "x,z,flag,y\n" + string.Concat(Enumerable.Range(0, 200).Select(i => Row(i, i % 5 == 0, i % 7 == 0)));
        var validMissing = Enumerable.Range(0, 40).Select(i => i % 3 == 0).ToArray();
        var valid = "x,z,flag,y\n" + string.Concat(Enumerable.Range(0, 40).Select(i => Row(i, validMissing[i], false)));
        var data = DatasetLoader.Load(new DataOptions(Samples.WriteCsv(dir, "train.csv", train), "y", null, []));
        var validation = DatasetLoader.LoadValidation(Samples.WriteCsv(dir, "valid.csv", valid), data);

        var prepared = DataPreparation.Prepare(new MLContext(1), data, validation, folds: 1, seed: 1);

        var plan = prepared.Plan.Columns.ToDictionary(c => c.Name);
        Assert.True(plan["x"].MissingIndicator);
        Assert.True(plan["flag"].MissingIndicator);
        Assert.False(plan["z"].MissingIndicator); // never missing in training: no extra feature
        Assert.Contains("was-missing 0/1 feature for: x, flag", prepared.Featurization);
        var fold = prepared.Folds.Single();
        Assert.Equal(5, fold.Validation.Features.Columns); // x, z, flag, then x's and flag's indicators
        // x's indicator (standardised, so above its mean exactly where the cell was missing).
        var indicator = Column(fold.Validation.Features, 3);
        Assert.Equal(fold.ValidationRows.Select(r => validMissing[r]), indicator.Select(v => v > 0));
        Assert.All(Column(fold.Validation.Features, 4), v => Assert.True(v < 0)); // flag is never missing in validation
    }

    [Fact]
    public void Plans_without_missing_indicators_keep_their_schema_fingerprint()
    {
        // best.json files written before missing indicators existed must still load: the fingerprint of a
        // plan without them is computed as it was.
        var cells = Trainers.Data.CellFormat.Default;
        var plain = new Trainers.Production.FeaturizationPlan([new("age", Trainers.Production.FeatureEncoding.Numeric)], 8, cells);
        var indicated = new Trainers.Production.FeaturizationPlan([new("age", Trainers.Production.FeatureEncoding.Numeric) { MissingIndicator = true }], 8, cells);

        Assert.Equal("fce24a1d26bb54dc", plain.SchemaFingerprint());
        Assert.NotEqual(plain.SchemaFingerprint(), indicated.SchemaFingerprint());
    }

    private static double[] Column(Trainers.Data.FeatureMatrix matrix, int column) =>
        Enumerable.Range(0, matrix.Rows).Select(r => (double)matrix.Row(r)[column]).ToArray();
}
