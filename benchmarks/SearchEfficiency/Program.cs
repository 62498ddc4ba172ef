using System.Globalization;
using Tuner.Engine;
using Tuner.Storage;
using Tuner.Study;

// Compares search strategies at the same time budget on sample datasets: for each, the best validation
// metric reached and how long each strategy took to reach random search's final best.
// Usage: dotnet run -c Release --project benchmarks/SearchEfficiency -- [seconds per run] [first seed] [seeds] [file:label,...]
//        [sampler+pruner;... (default random+none;tpe+asha; settings as on the command line: tpe:startup=3+asha)]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 60;
var firstSeed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var seeds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
var root = FindRoot();
(string File, string Label, string[] Ignore)[] datasets = args.Length > 3
    ? args[3].Split(',').Select(d => (d.Split(':')[0], d.Split(':')[1], Array.Empty<string>())).ToArray()
    :
    [
        ("credit_data.csv", "Status", []),
        ("letter.csv", "lettr", []),
        ("diamonds.csv", "price", []),
    ];
(string Sampler, string Pruner)[] strategies = args.Length > 4
    ? args[4].Split(';').Select(s => (s.Split('+')[0], s.Split('+')[1])).ToArray()
    : [("random", "none"), ("tpe", "asha")];
var scratch = Path.Combine(Path.GetTempPath(), "tuner-search-efficiency", DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));

Console.WriteLine($"Search efficiency: {seconds:F0} s per run, {seeds} seed(s), {Environment.ProcessorCount} parallel trials, built-in spaces.");
Console.WriteLine("dataset           seed  strategy     trials  pruned  best          time to random's best");
foreach (var (file, label, ignore) in datasets)
{
    for (var seed = firstSeed; seed < firstSeed + seeds; seed++)
    {
        var timelines = new Dictionary<string, (List<(double Time, double Best)> Line, int Trials, int Pruned, bool Higher)>();
        foreach (var (sampler, pruner) in strategies)
        {
            var name = $"{sampler}+{pruner}";
            var outDir = Path.Combine(scratch, $"{Path.GetFileNameWithoutExtension(file)}-{seed}-{name}");
            var options = new StudyOptions
            {
                Data = Path.Combine(root, "samples", "data", file), Label = label, TimeSeconds = seconds, Sampler = sampler, Pruner = pruner,
                IgnoreColumns = ignore, Seed = seed, Study = "bench", Out = outDir,
            };
            using (var session = TuningSession.Open(options)) await session.RunAsync();
            timelines[name] = Timeline(outDir);
        }

        var randomBest = timelines.TryGetValue("random+none", out var random) ? random.Line.LastOrDefault().Best : double.NaN;
        foreach (var (name, (line, trials, pruned, higher)) in timelines)
        {
            var reached = line.FirstOrDefault(p => higher ? p.Best >= randomBest : p.Best <= randomBest);
            var when = line.Count > 0 && (higher ? line[^1].Best >= randomBest : line[^1].Best <= randomBest) ? $"{reached.Time,6:F1} s" : "   never";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file,-17} {seed,4}  {name,-11} {trials,6}  {pruned,6}  {line.LastOrDefault().Best,-12:G6}  {when}"));
        }
    }
}

return;

static (List<(double, double)> Line, int Trials, int Pruned, bool Higher) Timeline(string outDir)
{
    using var store = RelationalStudyStore.OpenSqlite(Path.Combine(outDir, "study.db"));
    var study = store.FindStudy("bench")!;
    var trials = store.LoadTrials(study.Id);
    var start = trials.Min(t => t.Started);
    var higher = study.Config.HigherIsBetter;
    var line = new List<(double, double)>();
    double? best = null;
    foreach (var trial in trials.Where(t => t.State == TrialState.Complete && t.Value.HasValue)
                 .OrderBy(t => t.Started.AddSeconds(t.DurationSeconds ?? 0)))
    {
        var value = trial.Value!.Value;
        if (best is null || (higher ? value > best : value < best))
        {
            best = value;
            line.Add(((trial.Started - start).TotalSeconds + (trial.DurationSeconds ?? 0), value));
        }
    }

    return (line, trials.Count, trials.Count(t => t.State == TrialState.Pruned), higher);
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Tuner.sln"))) return dir.FullName;
    throw new InvalidOperationException("Tuner.sln not found.");
}
