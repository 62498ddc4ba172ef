using Tuner.Trainers.Data;
using System.Security.Cryptography;

namespace Tuner.Data;

/// <summary>Reads a CSV into a typed <see cref="Dataset"/>: schema, label and task inference.</summary>
internal static class DatasetLoader
{
    public static Dataset Load(DataOptions options)
    {
        var format = options.Format;
        var table = CsvReader.Read(options.Path, format, new HashSet<string>([options.Label], StringComparer.Ordinal));
        var labelIndex = FindLabel(table, options.Label);
        foreach (var ignored in options.IgnoreColumns.Where(c => table.ColumnIndex(c) < 0))
            throw new UserInputException(
                $"--ignore-cols names '{ignored}', which is not a column of '{table.Path}'; closest: {string.Join(", ", ClosestNames.Find(ignored, table.Header))}.");

        if (options.IgnoreColumns.Contains(options.Label, StringComparer.Ordinal))
            throw new UserInputException($"--ignore-cols names the label column '{options.Label}'; leave it out of --ignore-cols.");
        var labelCells = table.Columns[labelIndex].Cells!.Select(format.Text).OfType<string>().ToList();
        if (labelCells.Count == 0)
            throw new UserInputException($"Label column '{options.Label}' in '{table.Path}' has no values; pick another --label.");
        var label = LabelEncoding.Infer(options.Label, labelCells, options.Task, options.PositiveClass);

        var featureIndexes = Enumerable.Range(0, table.Header.Count)
            .Where(i => i != labelIndex && !options.IgnoreColumns.Contains(table.Header[i], StringComparer.Ordinal))
            .ToList();
        if (featureIndexes.Count == 0)
            throw new UserInputException($"'{table.Path}' has no feature columns besides the label; a model needs at least one.");
        var schema = featureIndexes.Select(i => SchemaInference.Infer(table.Header[i], table.Columns[i], format)).ToList();
        return Build(table, labelIndex, label, featureIndexes, schema, format);
    }

    /// <summary>Reads held-out rows with the training data's schema and classes.</summary>
    public static Dataset LoadValidation(string path, Dataset training)
    {
        var text = training.Columns.Where(c => c.Info.Kind != ColumnKind.Numeric).Select(c => c.Info.Name).Append(training.Label.Column);
        var table = CsvReader.Read(path, training.Format, text.ToHashSet(StringComparer.Ordinal));
        var expected = training.Columns.Select(c => c.Info.Name).Append(training.Label.Column).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(c => table.ColumnIndex(c) < 0).ToList();
        if (missing.Count > 0)
            throw new UserInputException(
                $"Validation file '{path}' lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} that '{training.Path}' has; both files need the same columns.");
        var labelIndex = table.ColumnIndex(training.Label.Column);
        var featureIndexes = training.Columns.Select(c => table.ColumnIndex(c.Info.Name)).ToList();
        return Build(table, labelIndex, training.Label, featureIndexes, training.Schema, training.Format);
    }

    private static int FindLabel(CsvTable table, string label)
    {
        var index = table.ColumnIndex(label);
        if (index >= 0) return index;
        throw new UserInputException(
            $"Label column '{label}' is not in '{table.Path}'; closest column names: {string.Join(", ", ClosestNames.Find(label, table.Header))}. Pass one of them with --label.");
    }

    private static Dataset Build(
        CsvTable table, int labelIndex, LabelInfo label, IReadOnlyList<int> featureIndexes, IReadOnlyList<ColumnInfo> schema, CellFormat format)
    {
        var labelColumn = table.Columns[labelIndex].Cells!;
        var kept = new List<int>(table.RowCount);
        var labelTexts = new List<string>(table.RowCount);
        for (var r = 0; r < table.RowCount; r++)
        {
            if (format.Text(labelColumn[r]) is not { } text) continue;
            kept.Add(r);
            labelTexts.Add(text);
        }

        var labels = new float[kept.Count];
        for (var i = 0; i < kept.Count; i++)
            labels[i] = LabelEncoding.Encode(label, labelTexts[i], table.Path, kept[i] + 2);

        var rows = kept.Count == table.RowCount ? null : kept;
        var columns = new List<FeatureColumn>(featureIndexes.Count);
        for (var c = 0; c < featureIndexes.Count; c++)
            columns.Add(ReadColumn(table, featureIndexes[c], schema[c], rows, format));
        return new Dataset(table.Path, columns, label, labels, table.RowCount - kept.Count, Fingerprint(table.Path), format);
    }

    /// <summary>
    /// One column's cells as the study's format reads them, for the given rows (null: all): numbers for a
    /// numeric column, trimmed text (null when missing) for the others. A cell the column's kind cannot read
    /// (text in a numeric column, a word that is not yes or no in a yes/no column: possible only in a second
    /// file) is an error naming it.
    /// </summary>
    private static FeatureColumn ReadColumn(CsvTable table, int index, ColumnInfo info, List<int>? rows, CellFormat format)
    {
        var column = table.Columns[index];
        var count = rows?.Count ?? table.RowCount;
        int Row(int i) => rows?[i] ?? i;
        if (info.Kind != ColumnKind.Numeric)
        {
            var texts = new string?[count];
            for (var i = 0; i < count; i++)
            {
                texts[i] = format.Text(column.Text(Row(i)));
                if (info.Kind == ColumnKind.Boolean && texts[i] is { } word && format.Boolean(word) is null)
                    throw CellError(table, Row(i), info, word, $"the column is yes/no ({string.Join("/", format.TrueWords)} or {string.Join("/", format.FalseWords)})");
            }

            return new FeatureColumn(info, null, texts);
        }

        if (column.Numbers is { } read)
            return new FeatureColumn(info, rows is null ? read : rows.Select(r => read[r]).ToArray(), null);
        var numbers = new float[count];
        for (var i = 0; i < count; i++)
            if (!format.TryNumber(column.Cells![Row(i)], out numbers[i]))
                throw CellError(table, Row(i), info, column.Cells[Row(i)], "the column is numeric");
        return new FeatureColumn(info, numbers, null);
    }

    private static UserInputException CellError(CsvTable table, int row, ColumnInfo column, string cell, string why) =>
        new($"Data file '{table.Path}' row {row + 2} column '{column.Name}' holds '{cell}', but {why} in the training data; fix the value, or make the files agree.");

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
