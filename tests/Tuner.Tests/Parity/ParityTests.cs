using System.Globalization;
using Tuner.Data;
using Tuner.Tests.Cli;
using Tuner.Tests.Study;
using Tuner.Trainers.Data;
using Tuner.Trainers.Production;

namespace Tuner.Tests.Parity;

/// <summary>
/// Train/serve parity, checked from outside: for every sample dataset and each trainer family, a plain ML.NET
/// program (tests/ParityConsumer, none of Tuner's code) loads model.zip, reads the raw validation CSV with the
/// model's own input schema, and gets best.json's validation metric (1e-4) and the tuner's own per-row
/// predictions (1e-5). The same consumer code serves every winner, ML.NET's trainers and ours alike. Both
/// tolerances are relative where the values are large: a model.zip computes in float32, so a price of 30,000 or an
/// RMSE of 30,000 agrees to about 7 significant digits, and a small prediction next to large ones (a linear model's
/// terms cancelling) to 1e-5 of the predictions' scale.
/// </summary>
public sealed class ParityTests
{
    private static readonly string[] Families = ["sgd", "mlp", "lightgbm", "fasttree", "sdca"];

    /// <summary>Rows taken from each sample: enough to train every family in seconds.</summary>
    private const int SampleRows = 1200;

    [Theory]
    [InlineData("spam.csv", "type")]
    [InlineData("credit_data.csv", "Status")]
    [InlineData("lending_club.csv", "Class")]
    [InlineData("breastcancer_wisc_na.csv", "Class", "Id")]
    [InlineData("letter.csv", "lettr")]
    [InlineData("shuttle.csv", "Class")]
    [InlineData("diamonds.csv", "price")]
    [InlineData("ames.csv", "Sale_Price")]
    public async Task A_plain_ml_net_program_scores_raw_sample_rows_as_the_study_did(string file, string label, string? ignore = null)
    {
        var dir = Samples.TempDirectory();
        var (train, valid) = Split(dir, Samples.Data(file), label);
        await Check(dir, train, valid, label, ignore is null ? [] : [ignore]);
    }

    [Fact]
    public async Task Yes_no_padded_NA_and_numeric_label_traps_score_alike()
    {
        var dir = Samples.TempDirectory();
        var (train, valid) = TrapData.Write(dir);
        await Check(dir, train, valid, TrapData.Label, []);

        var settings = TunedSettings.Load(Path.Combine(dir, "lightgbm", "best.json"));
        Assert.Equal(["1", "2"], settings.Classes); // "2" and "2.0" are one class, and the rarer one is positive
        Assert.Equal(FeatureEncoding.Boolean, settings.Featurization.Columns.Single(c => c.Name == "overtime").Encoding);
        Assert.Equal(FeatureEncoding.Boolean, settings.Featurization.Columns.Single(c => c.Name == "remote").Encoding);
        Assert.Equal(FeatureEncoding.OneHot, settings.Featurization.Columns.Single(c => c.Name == "grade").Encoding);

        // A word the yes/no column cannot read is an error naming it, from `tuner predict` and from the library's loader.
        var lines = File.ReadAllLines(valid);
        var stray = Samples.WriteCsv(dir, "stray.csv", $"{lines[0]}\n{lines[1]}\nmaybe{lines[2][lines[2].IndexOf(',')..]}\n");
        var (exit, _, stderr) = TunerProcess.Run(dir, "predict", "--model", Path.Combine(dir, "mlp", "model.zip"), "--data", stray);
        Assert.Equal(2, exit);
        Assert.Contains("row 3 column 'overtime' holds 'maybe'", Assert.Single(stderr));
        var error = Assert.Throws<InvalidDataException>(() => settings.LoadCsv(new Microsoft.ML.MLContext(), stray));
        Assert.Contains("row 3 column 'overtime' holds 'maybe'", error.Message);
    }

    private static async Task Check(string dir, string train, string valid, string label, IReadOnlyList<string> ignore)
    {
        var jobs = new List<(string Family, TunedSettings Settings, string Output)>();
        foreach (var family in Families)
        {
            var outDirectory = Path.Combine(dir, family);
            var exit = await StudyHarness.RunAsync(StudyHarness.Options(train, label, outDirectory, trials: 1, trainers: family, ignore: ignore) with { ValidationData = valid });
            Assert.Equal(0, exit);
            jobs.Add((family, TunedSettings.Load(Path.Combine(outDirectory, "best.json")), Path.Combine(outDirectory, "consumer.txt")));
        }

        var jobFile = Samples.WriteCsv(dir, "jobs.txt", string.Join('\n', jobs.Select(j =>
            $"{Path.Combine(dir, j.Family, "model.zip")}|{valid}|{label}|{j.Settings.Task.ToString().ToLowerInvariant()}|{j.Settings.PositiveClass}|{j.Output}")));
        var (code, stdout, stderr) = TunerProcess.RunProgram("ParityConsumer", dir, jobFile);
        Assert.True(code == 0, string.Join(" | ", stderr.Concat(stdout)));

        foreach (var (family, settings, output) in jobs)
        {
            var lines = File.ReadAllLines(output);
            var metrics = lines[0].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
            var metric = settings.Metric;
            var expectedMetric = settings.Metrics[$"valid_{metric}"];
            Assert.True(Math.Abs(metrics[metric] - expectedMetric) <= 1e-4 * Math.Max(1, Math.Abs(expectedMetric)),
                $"{family} ({settings.Trainer}): the plain ML.NET program gets {metric} {metrics[metric]}, best.json says {settings.Metrics[$"valid_{metric}"]}");

            var own = ExportHarness.OwnPredictions(Path.Combine(dir, family), train, valid, label, ignore).Predictions;
            var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
            Assert.Equal(own.Rows, rows.Count);
            var scale = Math.Max(1, Math.Sqrt(own.Values.ToArray().Average(v => v * v)));
            for (var r = 0; r < rows.Count; r++)
            {
                var consumer = settings.Task == TaskKind.Binary ? [double.Parse(rows[r][1], CultureInfo.InvariantCulture)]
                    : rows[r][0].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var expected = own.Row(r);
                for (var k = 0; k < expected.Length; k++)
                    Assert.True(Math.Abs(consumer[k] - expected[k]) <= 1e-5 * scale,
                        $"{family} ({settings.Trainer}) row {r + 1}: the plain ML.NET program scores {consumer[k]}, the tuner {expected[k]}");
            }
        }
    }

    /// <summary>
    /// Every k-th raw line of the file (at most <see cref="SampleRows"/>), four in five to train.csv and the
    /// fifth to valid.csv, unchanged; validation rows whose class training never saw are left out.
    /// </summary>
    private static (string Train, string Valid) Split(string dir, string path, string label)
    {
        var lines = File.ReadAllLines(path);
        var table = CsvReader.Read(path, CellFormat.Default, new HashSet<string>([label]));
        var labels = table.Columns[table.ColumnIndex(label)].Cells!;
        var step = (int)Math.Ceiling(table.RowCount / (double)SampleRows);
        var picked = Enumerable.Range(0, table.RowCount).Where(r => r % step == 0).ToList();
        var trainRows = picked.Where((_, i) => i % 5 != 0).ToList();
        var seen = trainRows.Select(r => labels[r].Trim()).ToHashSet();
        var classes = LabelEncoding.Infer(label, seen.ToList(), null).Task != TaskKind.Regression;
        var validRows = picked.Where((_, i) => i % 5 == 0).Where(r => !classes || seen.Contains(labels[r].Trim())).ToList();
        string Csv(IEnumerable<int> rows) => string.Join('\n', rows.Select(r => lines[r + 1]).Prepend(lines[0])) + "\n";
        return (Samples.WriteCsv(dir, "train.csv", Csv(trainRows)), Samples.WriteCsv(dir, "valid.csv", Csv(validRows)));
    }
}
