using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Tuner.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.MlNet;
using Tuner.Trainers.Training;

// What a boosted trial's learning curve costs: loads FILE as `tune` does (split, featurizer, matrices), then, for each
// boosted trainer of the task (or the one named), times ML.NET's own fit of N trees (no curve) beside the tuner's
// curve-reporting trial of the same trees (fits of 27, 81, … rounds, each round's training and validation loss and
// validation metric from the staged predictions). Each runs REPEATS times after one warm-up; medians are printed.
//   dotnet run -c Release --project benchmarks/BoostedCurve -- FILE LABEL [--trainer NAME] [--trees 100] [--repeats 3]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: BoostedCurve FILE LABEL [--trainer NAME] [--trees 100] [--repeats 3]");
    return 2;
}

var options = new Dictionary<string, string>();
for (var i = 2; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
var trees = int.Parse(options.GetValueOrDefault("trees", "100"), CultureInfo.InvariantCulture);
var repeats = int.Parse(options.GetValueOrDefault("repeats", "3"), CultureInfo.InvariantCulture);

var data = DataPreparation.Prepare(new MLContext(1), DatasetLoader.Load(new DataOptions(args[0], args[1], null, [])), null, folds: 1, seed: 1);
var fold = data.Folds[0];
var task = fold.Training.Task;
var metric = MetricInfo.DefaultFor(task);
var specs = MlNetCatalog.All.Where(s => s.Boosted && s.Task == task && (!options.TryGetValue("trainer", out var name) || s.Name == name)).ToList();
var parameters = new HyperParameters(new Dictionary<string, object> { [MlNetParameterNames.Trees] = (double)trees }).WithSeed(1);
Console.WriteLine($"{Path.GetFileName(args[0])}: {fold.Training.Rows:N0} training × {fold.Training.Features.Columns} features, {fold.Validation.Rows:N0} validation rows; " +
    $"{trees} trees, defaults otherwise; median of {repeats} after a warm-up");
Console.WriteLine("| trainer | ML.NET's fit alone | curve-reporting trial | ratio | rounds reported |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var spec in specs)
{
    var rounds = 0;
    double Alone() => Time(() => MlNetTrainer.Fit(spec, 1, fold.Training, parameters, CancellationToken.None));
    double WithCurve() => Time(() => rounds = TrainerRegistry.Create(spec.Name, 1)
        .Train(fold.Training, fold.Validation, parameters, metric, _ => true, CancellationToken.None).Epochs.Count);
    Alone();
    WithCurve();
    var alone = Median(Enumerable.Range(0, repeats).Select(_ => Alone()));
    var curve = Median(Enumerable.Range(0, repeats).Select(_ => WithCurve()));
    Console.WriteLine($"| {spec.Name} | {alone:F2} s | {curve:F2} s | {curve / alone:F2}× | {rounds} |");
}

return 0;

static double Time(Action action)
{
    var clock = Stopwatch.StartNew();
    action();
    return clock.Elapsed.TotalSeconds;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
