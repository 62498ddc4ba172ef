using Microsoft.ML;
using Microsoft.ML.Data;
using Tuner.Trainers.Data;

namespace Tuner.Trainers.Production;

/// <summary>
/// Reads a CSV file with ML.NET's TextLoader, typed for a tuned pipeline: numeric columns as Single,
/// boolean columns (yes/no, true/false, 1/0) as Single 0/1, the others and a class label as text, a
/// regression label as Single. Columns the pipeline does not read are left out.
/// </summary>
internal static class SettingsCsv
{
    public static IDataView Load(MLContext ml, TunedSettings settings, string path, char separator)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        var header = Header(path, separator);
        var missing = settings.Featurization.Columns.Select(c => c.Name).Append(settings.Label).Where(n => !header.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Data file '{path}' has no column {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the tuned pipeline reads; its header has: {string.Join(", ", header)}.");
        int IndexOf(string name) => header.IndexOf(name);

        var columns = settings.Featurization.Columns
            .Select(c => new TextLoader.Column(c.Name, c.Encoding switch
            {
                FeatureEncoding.Numeric => DataKind.Single,
                FeatureEncoding.Boolean => DataKind.Boolean,
                _ => DataKind.String,
            }, IndexOf(c.Name)))
            .Append(new TextLoader.Column(settings.Label, settings.Task == TaskKind.Regression ? DataKind.Single : DataKind.String, IndexOf(settings.Label)))
            .ToArray();
        var loader = ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = columns,
            HasHeader = true,
            Separators = [separator],
            AllowQuoting = true,
            MissingRealsAsNaNs = true,
        });
        var view = loader.Load(path);
        var booleans = settings.Featurization.Columns.Where(c => c.Encoding == FeatureEncoding.Boolean)
            .Select(c => new InputOutputColumnPair(c.Name, c.Name)).ToArray();
        return booleans.Length == 0 ? view : ml.Transforms.Conversion.ConvertType(booleans, DataKind.Single).Fit(view).Transform(view);
    }

    private static List<string> Header(string path, char separator)
    {
        using var reader = new StreamReader(path);
        var line = reader.ReadLine() ?? throw new ArgumentException($"Data file '{path}' is empty; it needs a header row.");
        return line.Split(separator).Select(h => h.Trim().Trim('"')).ToList();
    }
}
