using System.Globalization;
using Tuner.Trainers.Data;

namespace Trainers.Tests.Helpers;

/// <summary>
/// A tiny CSV reader for tests only (the product's reader lives in src/Tuner): handles quoted fields
/// without embedded commas, keeps the numeric columns (every value parses as a number or is empty = column
/// mean), standardises them, and encodes a binary label.
/// </summary>
internal static class SmallCsv
{
    public static LabeledData ReadBinary(string path, string labelColumn, string positiveValue)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        int labelIndex = Array.IndexOf(header, labelColumn);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToArray();
        var numeric = Enumerable.Range(0, header.Length)
            .Where(c => c != labelIndex && rows.All(r => r[c] is "" or "NA" || double.TryParse(r[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            .ToArray();
        int n = rows.Length, d = numeric.Length;
        var x = new float[n * d];
        for (int j = 0; j < d; j++)
        {
            var column = rows.Select(r => r[numeric[j]] is "" or "NA" ? double.NaN : double.Parse(r[numeric[j]], CultureInfo.InvariantCulture)).ToArray();
            var present = column.Where(v => !double.IsNaN(v)).ToArray();
            double mean = present.Average(), sd = Math.Sqrt(present.Select(v => (v - mean) * (v - mean)).Average());
            if (sd == 0) sd = 1;
            for (int r = 0; r < n; r++)
                x[r * d + j] = (float)((double.IsNaN(column[r]) ? 0 : (column[r] - mean) / sd));
        }

        var y = rows.Select(r => r[labelIndex] == positiveValue ? 1f : 0f).ToArray();
        return new LabeledData(new FeatureMatrix(x, n, d), y, TaskKind.Binary, 2);
    }

    public static string SamplePath(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "data"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("samples/data not found"), "samples", "data", file);
    }

    private static string[] Split(string line) => line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();
}
