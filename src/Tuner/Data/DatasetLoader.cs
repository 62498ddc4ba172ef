using System.Security.Cryptography;

namespace Tuner.Data;

/// <summary>Reads a CSV into a typed <see cref="Dataset"/>: schema, label and task inference.</summary>
public static class DatasetLoader
{
    public static Dataset Load(DataOptions options)
    {
        var table = CsvReader.Read(options.Path);
        var labelIndex = FindLabel(table, options.Label);
        foreach (var ignored in options.IgnoreColumns.Where(c => table.ColumnIndex(c) < 0))
            throw new UserInputException(
                $"--ignore-cols names '{ignored}', which is not a column of '{table.Path}'; closest: {string.Join(", ", ClosestNames.Find(ignored, table.Header))}.");

        var labelCells = table.Rows.Select(r => r[labelIndex]).Where(v => v is not null).Select(v => v!).ToList();
        if (labelCells.Count == 0)
            throw new UserInputException($"Label column '{options.Label}' in '{table.Path}' has no values; pick another --label.");
        var label = LabelEncoding.Infer(options.Label, labelCells, options.Task);

        var featureIndexes = Enumerable.Range(0, table.Header.Count)
            .Where(i => i != labelIndex && !options.IgnoreColumns.Contains(table.Header[i], StringComparer.Ordinal))
            .ToList();
        if (featureIndexes.Count == 0)
            throw new UserInputException($"'{table.Path}' has no feature columns besides the label; a model needs at least one.");
        var schema = featureIndexes.Select(i => SchemaInference.Infer(table, i)).ToList();
        return Build(table, labelIndex, label, featureIndexes, schema);
    }

    /// <summary>Reads held-out rows with the training data's schema and classes.</summary>
    public static Dataset LoadValidation(string path, Dataset training)
    {
        var table = CsvReader.Read(path);
        var expected = training.Columns.Select(c => c.Info.Name).Append(training.Label.Column).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(c => table.ColumnIndex(c) < 0).ToList();
        if (missing.Count > 0)
            throw new UserInputException(
                $"Validation file '{path}' lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} that '{training.Path}' has; both files need the same columns.");
        var labelIndex = table.ColumnIndex(training.Label.Column);
        var featureIndexes = training.Columns.Select(c => table.ColumnIndex(c.Info.Name)).ToList();
        var dataset = Build(table, labelIndex, training.Label, featureIndexes, training.Schema);
        foreach (var (column, expectedColumn) in dataset.Columns.Zip(training.Columns))
        {
            var inferred = SchemaInference.Infer(table, table.ColumnIndex(column.Info.Name));
            if (expectedColumn.IsNumeric && inferred.Kind is ColumnKind.Categorical or ColumnKind.Text)
                throw new UserInputException(
                    $"Validation file '{path}' column '{column.Info.Name}' holds text but is numeric in '{training.Path}'; both files need the same column types.");
        }

        return dataset;
    }

    private static int FindLabel(CsvTable table, string label)
    {
        var index = table.ColumnIndex(label);
        if (index >= 0) return index;
        throw new UserInputException(
            $"Label column '{label}' is not in '{table.Path}'; closest column names: {string.Join(", ", ClosestNames.Find(label, table.Header))}. Pass one of them with --label.");
    }

    private static Dataset Build(CsvTable table, int labelIndex, LabelInfo label, IReadOnlyList<int> featureIndexes, IReadOnlyList<ColumnInfo> schema)
    {
        var kept = new List<int>(table.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
            if (table.Rows[r][labelIndex] is not null) kept.Add(r);

        var labels = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
            labels[i] = LabelEncoding.Encode(label, table.Rows[kept[i]][labelIndex]!, table.Path, kept[i] + 2);

        var columns = new List<FeatureColumn>(featureIndexes.Count);
        for (var c = 0; c < featureIndexes.Count; c++)
            columns.Add(ReadColumn(table, featureIndexes[c], schema[c], kept));
        return new Dataset(table.Path, columns, label, labels, table.Rows.Count - kept.Count, Fingerprint(table.Path));
    }

    private static FeatureColumn ReadColumn(CsvTable table, int index, ColumnInfo info, List<int> rows)
    {
        if (info.Kind is ColumnKind.Categorical or ColumnKind.Text)
            return new FeatureColumn(info, null, rows.Select(r => table.Rows[r][index]).ToArray());

        var numbers = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = table.Rows[rows[i]][index];
            numbers[i] = cell is null ? float.NaN
                : info.Kind == ColumnKind.Boolean ? SchemaInference.ParseBoolean(cell)
                : SchemaInference.TryParseNumber(cell, out var value) ? (float)value
                : float.NaN; // validation text in a numeric column is caught by the caller
        }

        return new FeatureColumn(info, numbers, null);
    }

    /// <summary>A study's data fingerprint: the training file's, joined with the validation file's when there is one.</summary>
    public static string Fingerprint(Dataset data, Dataset? validation) =>
        data.Fingerprint + (validation is null ? "" : "+" + validation.Fingerprint);

    /// <summary>A short hash of the file's bytes: the same data gives the same fingerprint.</summary>
    public static string Fingerprint(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..16];
    }
}
