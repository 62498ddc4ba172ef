using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Tuner.Benchmarks;
using Tuner.Trainers.Data;
using Tuner.Trainers.Sgd;
using Tuner.Trainers.Training;

// Side-by-side: our SgdTrainer (log loss, batch 1 and 32) vs ML.NET SgdNonCalibrated and AveragedPerceptron,
// same data, 10 epochs, one thread. Each trainer runs Repeats times after a small warm-up; the table shows
// the median wall time (the machine may be shared, so single runs are noisy) and the fastest in brackets.
const int Rows = 200_000, Columns = 100, Epochs = 10, Seed = 42, Repeats = 5;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

long before = GC.GetTotalMemory(forceFullCollection: true);
var data = BenchmarkData.Generate(Rows, Columns, Seed);
long after = GC.GetTotalMemory(forceFullCollection: true);
long floatBytes = (long)Rows * Columns * sizeof(float);
Console.WriteLine($"Data: {Rows:N0} × {Columns} floats, binary, {data.Training.Rows:N0} training / {data.Validation.Rows:N0} validation rows; " +
    $"positive share {data.Training.Labels.ToArray().Average():F3}");
Console.WriteLine($"Managed memory held for our data: {(after - before) / 1e6:F1} MB vs float size {floatBytes / 1e6:F1} MB " +
    $"(ratio {(double)(after - before) / floatBytes:F3}, labels included)");

var results = new List<(string Name, double[] Seconds, double Accuracy)>();
long trainingUpdates = (long)data.Training.Rows * Epochs;

// Warm up the JIT on a small slice so tier-1 code is timed.
var warm = BenchmarkData.Generate(4_000, Columns, Seed + 1);
RunOurs(warm, 1, 0.01, 2);
RunOurs(warm, 32, 0.1, 2);

foreach (var (batch, rate) in new[] { (1, 0.01), (32, 0.1) })
{
    var runs = Enumerable.Range(0, Repeats).Select(_ => RunOurs(data, batch, rate, Epochs)).ToList();
    results.Add(($"Tuner SgdTrainer log, batch {batch}, lr {rate}", runs.Select(r => r.Seconds).ToArray(), runs[0].Accuracy));
}

var ml = new MLContext(seed: Seed);
long beforeMl = GC.GetTotalMemory(true);
var trainView = MlNetData.LoadCached(ml, data.Training);
var validView = MlNetData.LoadCached(ml, data.Validation);
long afterMl = GC.GetTotalMemory(true);
Console.WriteLine($"Managed memory added by ML.NET's cached IDataViews of the same data: {(afterMl - beforeMl) / 1e6:F1} MB");

var sgd = ml.BinaryClassification.Trainers.SgdNonCalibrated(new SgdNonCalibratedTrainer.Options
{
    NumberOfIterations = Epochs,
    NumberOfThreads = 1,
    LossFunction = new LogLoss(),
    Shuffle = true,
});
var perceptron = ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: Epochs);
// Warm-up on a small view.
var warmView = MlNetData.LoadCached(ml, warm.Training);
sgd.Fit(warmView);
perceptron.Fit(warmView);

results.Add(RunMlNet("ML.NET SgdNonCalibrated (log, 1 thread)", () => sgd.Fit(trainView)));
results.Add(RunMlNet("ML.NET AveragedPerceptron", () => perceptron.Fit(trainView)));

double baseline = Median(results.Single(r => r.Name.StartsWith("ML.NET Sgd")).Seconds);
double validationSeconds = ValidationCost(data);
Console.WriteLine();
Console.WriteLine($"{"trainer",-42} {"median s",9} {"(fastest)",9} {"row-updates/s",14} {"val. acc.",9} {"speed vs SgdNonCal.",19}");
foreach (var (name, seconds, accuracy) in results)
{
    double median = Median(seconds);
    Console.WriteLine($"{name,-42} {median,9:F3} {"(" + seconds.Min().ToString("F3") + ")",9} {trainingUpdates / median / 1e6,12:F2} M {accuracy,9:F4} {baseline / median,18:F2}×");
}

Console.WriteLine();
Console.WriteLine($"Our timings include the per-epoch validation pass (scores, loss and the ranking metric, accuracy, on the {data.Validation.Rows:N0} validation rows),");
Console.WriteLine($"measured alone at {validationSeconds:F3} s for {Epochs} epochs; ML.NET's include nothing but Fit on the already cached view.");
foreach (var (name, seconds, _) in results.Where(r => r.Name.StartsWith("Tuner")))
{
    double training = Median(seconds) - validationSeconds;
    Console.WriteLine($"  {name} without validation: {training:F3} s, {trainingUpdates / training / 1e6:F2} M row-updates/s, {baseline / training:F2}× SgdNonCalibrated");
}

(double Seconds, double Accuracy) RunOurs(BenchmarkData d, int batch, double rate, int epochs)
{
    var parameters = new HyperParameters(new Dictionary<string, object>
    {
        ["loss"] = "log", ["batch_size"] = batch, ["epochs"] = epochs, ["learning_rate"] = rate, ["seed"] = Seed,
    });
    var watch = Stopwatch.StartNew();
    var outcome = new SgdTrainer().Train(d.Training, d.Validation, parameters, "accuracy", _ => true, CancellationToken.None);
    watch.Stop();
    if (outcome.Status != TrainingStatus.Completed) throw new InvalidOperationException($"run ended {outcome.Status}: {outcome.Message}");
    return (watch.Elapsed.TotalSeconds, Accuracy(outcome.Model, d.Validation));
}

(string, double[], double) RunMlNet(string name, Func<ITransformer> fit)
{
    var seconds = new double[Repeats];
    ITransformer? model = null;
    for (int i = 0; i < Repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        model = fit();
        seconds[i] = watch.Elapsed.TotalSeconds;
    }

    var metrics = ml.BinaryClassification.EvaluateNonCalibrated(model!.Transform(validView));
    return (name, seconds, metrics.Accuracy);
}

double ValidationCost(BenchmarkData d)
{
    var parameters = new HyperParameters(new Dictionary<string, object> { ["epochs"] = 1 });
    var model = (IScoringModel)new SgdTrainer().Train(d.Training, d.Validation, parameters, "accuracy", _ => true, CancellationToken.None).Model;
    var watch = Stopwatch.StartNew();
    for (int e = 0; e < Epochs; e++)
        MiniBatchLoop.Evaluate(model, d.Validation, new Tuner.Trainers.Losses.LogLoss(), null, "accuracy");
    return watch.Elapsed.TotalSeconds;
}

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static double Accuracy(ITrainedModel model, LabeledData validation)
{
    var p = model.Predict(validation.Features).Values;
    int correct = 0;
    for (int r = 0; r < validation.Rows; r++)
        if (p[r] >= 0.5 == validation.Labels[r] > 0.5f) correct++;
    return (double)correct / validation.Rows;
}
