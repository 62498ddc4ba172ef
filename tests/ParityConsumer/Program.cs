// Scores raw CSV files with model.zip files the way a plain ML.NET application does: the model's own input
// schema types the loader's columns, ML.NET's conventional output columns are read, ML.NET's evaluators give
// the metrics. Nothing of Tuner is referenced.
//
// Usage: ParityConsumer JOBS_FILE. Each line of JOBS_FILE: model.zip|data.csv|label column|task|positive class|output.csv
// (task: binary, multiclass or regression; positive class empty unless binary). Each output.csv gets one line
// per row, the row's Score values separated by spaces, a tab, then Probability (binary) and PredictedLabel;
// its first line holds the metrics as name=value pairs.
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

foreach (var line in File.ReadAllLines(args[0]).Where(l => l.Length > 0))
{
    var job = line.Split('|');
    Score(job[0], job[1], job[2], job[3], job[4], job[5]);
}

static void Score(string modelPath, string dataPath, string label, string task, string positive, string outputPath)
{
    var ml = new MLContext(seed: 1);
    var model = ml.Model.Load(modelPath, out var inputSchema);
    var header = File.ReadLines(dataPath).First().Split(',').Select(h => h.Trim().Trim('"')).ToList();
    var columns = inputSchema
        .Select(c => new TextLoader.Column(c.Name, c.Type is NumberDataViewType ? DataKind.Single : DataKind.String, header.IndexOf(c.Name)))
        .Append(new TextLoader.Column(label, task == "regression" ? DataKind.Single : DataKind.String, header.IndexOf(label)))
        .ToArray();
    var data = ml.Data.LoadFromTextFile(dataPath, new TextLoader.Options
    {
        Columns = columns, HasHeader = true, Separators = [','], AllowQuoting = true, MissingRealsAsNaNs = true,
    });
    var scored = model.Transform(data);

    var labels = task == "regression" ? null : scored.GetColumn<ReadOnlyMemory<char>>(label).Select(l => l.ToString().Trim()).ToArray();
    var metrics = new Dictionary<string, double>();
    var rows = new List<string>();
    switch (task)
    {
        case "binary":
        {
            var withLabel = ml.Transforms.Conversion.MapValue("IsPositive",
                labels!.Distinct().Select(l => new KeyValuePair<string, bool>(l, SameClass(l, positive))), label).Fit(scored).Transform(scored);
            var m = ml.BinaryClassification.Evaluate(withLabel, "IsPositive");
            metrics["auc"] = m.AreaUnderRocCurve; metrics["accuracy"] = m.Accuracy; metrics["f1"] = m.F1Score; metrics["logloss"] = m.LogLoss;
            var scores = scored.GetColumn<float>("Score").ToArray();
            var probabilities = scored.GetColumn<float>("Probability").ToArray();
            var predicted = scored.GetColumn<bool>("PredictedLabel").ToArray();
            for (var i = 0; i < scores.Length; i++) rows.Add(Invariant($"{scores[i]:R}\t{probabilities[i]:R}\t{predicted[i]}"));
            break;
        }
        case "multiclass":
        {
            var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
            scored.Schema["Score"].GetSlotNames(ref slotNames);
            var classes = slotNames.DenseValues().Select(s => s.ToString()).ToArray();
            var scores = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();
            var predicted = scored.GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(p => p.ToString()).ToArray();
            metrics["accuracy"] = predicted.Zip(labels!).Count(p => SameClass(p.First, p.Second)) / (double)predicted.Length;
            metrics["logloss"] = scores.Zip(labels!).Average(p => -Math.Log(Math.Clamp(p.First[Array.FindIndex(classes, c => SameClass(c, p.Second))], 1e-15, 1)));
            for (var i = 0; i < scores.Length; i++) rows.Add(string.Join(' ', scores[i].Select(s => Invariant($"{s:R}"))) + "\t\t" + predicted[i]);
            break;
        }
        default:
        {
            var m = ml.Regression.Evaluate(scored, label);
            metrics["rmse"] = m.RootMeanSquaredError; metrics["mae"] = m.MeanAbsoluteError; metrics["r2"] = m.RSquared;
            rows.AddRange(scored.GetColumn<float>("Score").Select(s => Invariant($"{s:R}")));
            break;
        }
    }

    File.WriteAllLines(outputPath, rows.Prepend(string.Join(' ', metrics.Select(m => Invariant($"{m.Key}={m.Value:R}")))));
}

// Labels such as "2" and "2.0" name the same class.
static bool SameClass(string a, string b) =>
    a == b || double.TryParse(a, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, CultureInfo.InvariantCulture, out var y) && x == y;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
