using System.Globalization;
using Tuner.Benchmarks;

// The study runner's own time per trial (proposal, bookkeeping, store, progress) beside the training time, as a
// real study grows: TPE and ASHA (the defaults) on a real SQLite file, the cheapest real trainer (our sgd, one
// epoch, on the 699 rows of breastcancer_wisc_na), so the runner's share is as large as it gets. See RunnerRun.
// Usage: dotnet run -c Release --project benchmarks/RunnerOverhead [-- --trials 3000 --parallel 1,2 --space space.json
//        --data samples/data/FILE.csv --label LABEL --ignore Id --seed 1 --keep DIR (keep the study files there)
//        --csv PREFIX (every trial's timings to PREFIX-<parallel>.csv) --sampler tpe:per-second=on (as --sampler)]
const int WarmUpTrials = 200;

// Our sgd for one epoch: the cheapest real trial, searched over the parameters that matter most.
const string DefaultSpace = """
    { "trainers": { "sgd": {
        "loss": { "type": "categorical", "choices": ["log", "hinge", "modified_huber"] },
        "l2": { "type": "float", "low": 1e-7, "high": 0.01, "log": true },
        "learning_rate": { "type": "float", "low": 0.0001, "high": 0.3, "log": true },
        "optimizer": { "type": "categorical", "choices": ["sgd", "adam"] },
        "batch_size": { "type": "int", "low": 1, "high": 128, "log": true },
        "epochs": { "value": 1 } } } }
    """;
var trials = Argument("--trials", "3000", int.Parse);
var parallels = Argument("--parallel", "1,2", s => s.Split(',').Select(int.Parse).ToArray());
var root = FindRoot();
var setup = new RunnerSetup(
    Argument("--data", Path.Combine(root, "samples", "data", "breastcancer_wisc_na.csv"), s => s),
    Argument("--label", "Class", s => s),
    Argument("--ignore", "Id", s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)),
    Argument("--space", "", s => s) is { Length: > 0 } spacePath ? File.ReadAllText(spacePath) : DefaultSpace,
    Argument("--seed", "1", int.Parse),
    Argument("--sampler", "tpe", s => s));
var windows = new[] { 1, 901, 1901, 2901 }.Where(first => first + 99 <= trials).Append(Math.Max(1, trials - 99)).Distinct().ToList();

var keep = Argument("--keep", "", s => s);
var directory = keep.Length > 0 ? Path.GetFullPath(keep) : Path.Combine(Path.GetTempPath(), $"tuner-runner-overhead-{Guid.NewGuid():N}");
Directory.CreateDirectory(directory);
try
{
    var (data, prepared) = RunnerRun.Load(setup);
    RunnerRun.Check(setup, data, directory);
    Console.WriteLine($"Runner overhead per trial, in ms: {setup.Sampler} + ASHA on {Path.GetFileName(setup.DataPath)} ({data.Rows} rows), {trials} trials, " +
        $"SQLite, mean over trial numbers in each window; after a {WarmUpTrials}-trial warm-up study; {Environment.ProcessorCount} cores");
    Console.WriteLine("interval = time between trial ends (the study's pace); wall = a worker's time per trial; runner = wall - training (mean, and median);");
    Console.WriteLine("changes = reading the study's changes and other workers' curves; other = runner - propose - claim - result - changes - progress");
    Console.WriteLine("(the history's bookkeeping, ranking, counts, retries, waiting for the other worker's turn); *step writes happen inside training");
    RunnerRun.Measure(setup, prepared, data, directory, WarmUpTrials, parallels.Max());
    foreach (var parallel in parallels)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var timings = RunnerRun.Measure(setup, prepared, data, directory, trials, parallel);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"--parallel {parallel}: {timings.Count} trials in {clock.Elapsed.TotalSeconds:F1} s; garbage collections {GC.CollectionCount(0) - gen0} " +
            $"({GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2), {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused"));
        if (Argument("--csv", "", s => s) is { Length: > 0 } csv)
            File.WriteAllLines($"{csv}-{parallel}.csv", timings.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Number},{t.End:F3},{t.Wall:F3},{t.Training:F3},{t.Propose:F3},{t.Claim:F3},{t.Result:F3},{t.StoreReads:F3},{t.Progress:F3}")).Prepend("number,end,wall,training,propose,claim,result,changes,progress"));
        Console.WriteLine("   trials   | interval |  wall | training | runner (median) | propose | claim | result | changes | other | progress | step writes*");
        foreach (var first in windows)
        {
            var window = timings.Where(t => t.Number + 1 >= first && t.Number + 1 < first + 100).ToList();
            if (window.Count == 0) continue;
            double Mean(Func<TrialTiming, double> part) => window.Average(part);
            var median = window.Select(t => t.Runner).Order().ElementAt(window.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"{first}-{first + window.Count - 1}",11} | {Interval(window),8:F2} | {Mean(t => t.Wall),5:F2} | {Mean(t => t.Training),8:F2} | " +
                $"{Mean(t => t.Runner),6:F2} ({median,6:F2}) | {Mean(t => t.Propose),7:F2} | {Mean(t => t.Claim),5:F2} | {Mean(t => t.Result),6:F2} | " +
                $"{Mean(t => t.StoreReads),7:F2} | {Mean(t => t.Other),5:F2} | {Mean(t => t.Progress),8:F3} | {Mean(t => t.Steps),12:F2}"));
        }
    }
}
finally
{
    if (keep.Length == 0) Directory.Delete(directory, recursive: true);
}

return;

// The study's pace: time between one trial's end and the next one's, whichever worker ran them.
static double Interval(IReadOnlyList<TrialTiming> window)
{
    var ends = window.Select(t => t.End).Order().ToList();
    return ends.Count > 1 ? (ends[^1] - ends[0]) / (ends.Count - 1) : double.NaN;
}

T Argument<T>(string name, string fallback, Func<string, T> parse)
{
    var i = Array.IndexOf(args, name);
    return parse(i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Tuner.sln"))) return dir.FullName;
    throw new InvalidOperationException("Tuner.sln not found above the benchmark.");
}
