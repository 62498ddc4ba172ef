using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>
/// Reads a CSV file with ML.NET's TextLoader in the form the tuned pipeline takes it (the model's input
/// schema): numeric columns as Single, the others (yes/no columns too) as text, which the pipeline trims and
/// maps itself; a class label as text, a regression label as Single. The label may be absent. Columns the
/// pipeline does not read are left out. Empty numeric cells are read as NaN (missing), as the tuner read them:
/// a loader of your own needs TextLoader.Options.MissingRealsAsNaNs = true too, or ML.NET reads them as 0.
/// Every cell is checked against the settings' <see cref="CellFormat"/> first, so text in a numeric column or
/// a stray word in a yes/no column is an error, not a silent NaN.
/// </summary>
internal static class SettingsCsv
{
    public static IDataView Load(MLContext ml, TunedSettings settings, string path, char separator)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        var header = Header(path, separator);
        var features = settings.Featurization.Columns;
        var missing = features.Select(c => c.Name).Where(n => !header.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Data file '{path}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the tuned pipeline reads; its header has: {string.Join(", ", header)}.");
        var hasLabel = header.Contains(settings.Label);

        TextLoader Loader(Func<string, DataKind> kind) => ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = features.Select(c => c.Name).Concat(hasLabel ? [settings.Label] : [])
                .Select(name => new TextLoader.Column(name, kind(name), header.IndexOf(name))).ToArray(),
            HasHeader = true,
            Separators = [separator],
            AllowQuoting = true,
            MissingRealsAsNaNs = true, // an empty numeric cell is missing, as the tuner read it, not 0
        });
        Check(Loader(_ => DataKind.String).Load(path), settings, path);
        var numeric = features.Where(c => c.IsNumeric).Select(c => c.Name).Concat(hasLabel && settings.Task == TaskKind.Regression ? [settings.Label] : [])
            .ToHashSet(StringComparer.Ordinal);
        return Loader(name => numeric.Contains(name) ? DataKind.Single : DataKind.String).Load(path);
    }

    /// <summary>Reads each numeric and yes/no cell the way the tuner did; the first one that cannot be read is an error.</summary>
    private static void Check(IDataView text, TunedSettings settings, string path)
    {
        var cells = settings.Featurization.Cells;
        var checkedColumns = settings.Featurization.Columns.Where(c => c.Encoding is FeatureEncoding.Numeric or FeatureEncoding.Boolean).ToList();
        if (checkedColumns.Count == 0) return;
        var columns = checkedColumns.Select(c => text.Schema[c.Name]).ToList();
        using var cursor = text.GetRowCursor(columns);
        var getters = columns.Select(cursor.GetGetter<ReadOnlyMemory<char>>).ToList();
        var value = default(ReadOnlyMemory<char>);
        for (var row = 2; cursor.MoveNext(); row++)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                getters[i](ref value);
                var cell = value.ToString();
                var spec = checkedColumns[i];
                var problem = spec.Encoding == FeatureEncoding.Numeric
                    ? cells.TryNumber(cell, out _) ? null : "a number (or a missing value: " + string.Join(", ", cells.NumericMissing.Where(t => t.Length > 0)) + ")"
                    : cells.Text(cell) is not { } word || cells.Boolean(word) is not null ? null : $"yes/no ({string.Join("/", cells.TrueWords)} or {string.Join("/", cells.FalseWords)})";
                if (problem is not null)
                    throw new InvalidDataException($"Data file '{path}' row {row} column '{spec.Name}' holds '{cell}', but the tuned pipeline reads that column as {problem}; fix the value or the column.");
            }
        }
    }

    private static List<string> Header(string path, char separator)
    {
        using var reader = new StreamReader(path);
        var line = reader.ReadLine() ?? throw new ArgumentException($"Data file '{path}' is empty; it needs a header row.");
        return line.Split(separator).Select(h => h.Trim().Trim('"')).ToList();
    }
}
