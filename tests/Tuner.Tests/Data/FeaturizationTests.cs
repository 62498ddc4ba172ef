using Microsoft.ML;
using Tuner.Data;
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
    public void Featurizing_in_shares_gives_the_matrix_of_one_pass()
    {
        var dir = Samples.TempDirectory();
        var random = new Random(11);
        string Cell(string value) => random.NextDouble() < 0.02 ? "" : value;
        var csv = "x,flag,colour,code,y\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i =>
            $"{Cell($"{random.NextDouble() * 100:F3}")},{Cell(random.Next(2) == 0 ? "yes" : "no")},{Cell($"c{random.Next(5)}")},{Cell($"k{random.Next(400)}")},{i % 2}\n"));
        var data = DatasetLoader.Load(new DataOptions(Samples.WriteCsv(dir, "d.csv", csv), "y", null, []));
        var rows = Enumerable.Range(0, data.Rows).Reverse().ToArray();
        var featurizer = Featurizer.Plan(data, rows).Build(new MLContext(1)).Fit(TableDataView.Over(data, rows));

        var inShares = FeatureVectors.Materialize(featurizer, TableDataView.Columns(data), rows);
        var onePass = FeatureVectors.Materialize(featurizer.Transform(TableDataView.Over(data, rows)), rows.Length);

        Assert.True(inShares.Columns > 200); // numbers, indicators, one-hot and hashed buckets
        Assert.Equal(onePass.ToArray(), inShares.ToArray());
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
        Assert.Equal(validMissing, indicator.Select(v => v > 0).ToArray());
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
