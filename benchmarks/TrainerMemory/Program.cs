using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Tuner.Data;
using Tuner.Trainers.Training;

// What one trial of one trainer costs in memory on top of the study's data: loads FILE as `tune` does (split,
// featurizer, matrices), then trains TRAINER once with its defaults (trees capped by --trees, since every tree
// shares the same binned copy of the data) and samples the resident set every 20 ms. Prints the matrix, the
// resident set before training and the peak during it, and the peak's excess over the training matrix.
// Run each trainer in its own process, so one trainer's heap does not flatter or burden the next.
//   dotnet run -c Release --project benchmarks/TrainerMemory -- FILE LABEL TRAINER [--trees N] [--epochs N]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: TrainerMemory FILE LABEL TRAINER [--trees N] [--epochs N]");
    return 2;
}

var (file, label, trainer) = (args[0], args[1], args[2]);
var settings = new Dictionary<string, object>();
for (var i = 3; i + 1 < args.Length; i += 2) settings[args[i].TrimStart('-')] = double.Parse(args[i + 1], CultureInfo.InvariantCulture);

var load = Stopwatch.StartNew();
var data = DataPreparation.Prepare(new MLContext(1), DatasetLoader.Load(new DataOptions(file, label, null, [])), null, folds: 1, seed: 1);
var fold = data.Folds[0];
long training = (long)fold.Training.Rows * fold.Training.Features.Columns * sizeof(float);
long validation = (long)fold.Validation.Rows * fold.Validation.Features.Columns * sizeof(float);
GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
GC.WaitForPendingFinalizers();
long before = Environment.WorkingSet;

long peak = before;
using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 20);
var clock = Stopwatch.StartNew();
var outcome = TrainerRegistry.Create(trainer, 1).Train(fold.Training, fold.Validation, new HyperParameters(settings).WithSeed(1), "auc", _ => true, CancellationToken.None);
peak = Math.Max(peak, Environment.WorkingSet);
var extra = peak - before;
Console.WriteLine($"{trainer,-16} {outcome.Status,-9} train {clock.Elapsed.TotalSeconds,6:F1} s (load {load.Elapsed.TotalSeconds:F0} s); " +
    $"training matrix {Gib(training)} (+ validation {Gib(validation)}); resident {Gib(before)} before, peak {Gib(peak)}; " +
    $"extra {Gib(extra)} = {extra / (double)training:F2}x the training matrix");
return 0;

static string Gib(long bytes) => $"{bytes / (double)(1L << 30):F2} GiB";
