using Microsoft.ML;
using Tuner.Trainers.Data;
using Tuner.Trainers.Production;

namespace Tuner.Data;

/// <summary>Splits the data, fits the featurizer on each fold's training rows, and builds the dense matrices.</summary>
internal static class DataPreparation
{
    public static StudyData Prepare(MLContext ml, Dataset data, Dataset? validation, int folds, int seed)
    {
        if (folds == 1 && data.Rows < 5)
            throw new UserInputException($"'{data.Path}' has only {data.Rows} labelled rows; at least 5 are needed for a train/validation split.");
        if (folds > 1 && folds > data.Rows / 2)
            throw new UserInputException($"--folds {folds} is too many for {data.Rows} rows; use at most {data.Rows / 2}.");

        var all = Enumerable.Range(0, data.Rows).ToArray();
        if (validation is not null)
        {
            var fold = Featurize(ml, data, all, validation, Enumerable.Range(0, validation.Rows).ToArray(), 0, 1, seed);
            return new StudyData(data, validation, [fold], Featurizer.Plan(data, all));
        }

        var splits = folds > 1
            ? DataSplitter.Folds(data.Labels, data.Label.Task, folds, seed)
            : [DataSplitter.Holdout(data.Labels, data.Label.Task, seed)];
        var prepared = splits.Select((s, i) => Featurize(ml, data, s.Train, data, s.Validation, i, splits.Count, seed)).ToList();
        return new StudyData(data, null, prepared, Featurizer.Plan(data, splits[0].Train));
    }

    /// <summary>
    /// For a production model: featurizer and model fitted on every labelled row (training and validation).
    /// The trainers still need validation rows for their per-epoch record; they get the same rows.
    /// </summary>
    public static StudyData PrepareRefit(MLContext ml, Dataset data, Dataset? validation, int seed)
    {
        var all = validation is null ? data : Concat(data, validation);
        var rows = Enumerable.Range(0, all.Rows).ToArray();
        var fold = Featurize(ml, all, rows, all, rows, 0, 1, seed);
        return new StudyData(all, null, [fold], Featurizer.Plan(all, rows));
    }

    public static Dataset Concat(Dataset first, Dataset second) =>
        first with
        {
            Columns = first.Columns.Zip(second.Columns, (a, b) => a with
            {
                Numbers = a.Numbers is null ? null : [.. a.Numbers, .. b.Numbers!],
                Strings = a.Strings is null ? null : [.. a.Strings, .. b.Strings!],
            }).ToList(),
            Labels = [.. first.Labels, .. second.Labels],
        };

    private static Fold Featurize(MLContext ml, Dataset trainData, int[] trainRows, Dataset validData, int[] validRows, int index, int folds, int seed)
    {
        // Training rows are laid out in a seeded random order: the trainers' blocked epoch shuffle keeps
        // neighbouring rows together, so a file sorted by label must not stay sorted (see EpochOrder). Validation rows
        // too, so that a prefix of either is a random sample (the row rungs score small fits on one, see RowRungs).
        var given = trainRows;
        trainRows = trainRows.ToArray();
        validRows = validRows.ToArray();
        var random = new Random(seed + index);
        random.Shuffle(trainRows);
        random.Shuffle(validRows);
        // The training cells are copied into that order once, so the passes over them (the fit's statistics, then
        // the matrix's) read each column in sequence instead of jumping about the whole table for every cell.
        var trainColumns = TableDataView.Columns(trainData).Select(c => c.Gather(trainRows)).ToList();
        var inOrder = Enumerable.Range(0, trainRows.Length).ToArray();
        var featurizer = Featurizer.Plan(trainData, trainRows).Fit(ml, trainColumns, inOrder);
        if (index == 0) MatrixMemory.RequireRoom(trainData.Path, trainRows.Length + validRows.Length, featurizer.FeatureCount(trainColumns), folds);
        var training = ToLabeled(featurizer, trainColumns, inOrder, trainData, trainRows);
        return new Fold(
            index,
            training,
            ToLabeled(featurizer, TableDataView.Columns(validData), validRows, validData, validRows),
            featurizer.Transformer,
            given,
            validRows);
    }

    /// <summary>The <paramref name="rows"/> of <paramref name="columns"/>, featurized, labelled with <paramref name="data"/>'s labels of <paramref name="dataRows"/>.</summary>
    private static LabeledData ToLabeled(FittedFeaturization featurizer, IReadOnlyList<TableColumn> columns, int[] rows, Dataset data, int[] dataRows) =>
        FeatureVectors.ToLabeled(featurizer, columns, rows, dataRows.Select(r => data.Labels[r]).ToArray(), data.Label.Task, data.Label.Classes.Count, data.Label.Classes);
}
