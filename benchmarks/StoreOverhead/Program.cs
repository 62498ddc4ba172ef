using System.Globalization;
using Npgsql;
using Tuner.Benchmarks;
using Tuner.Storage;

// Per-trial store overhead: what the study runner asks of the store for one trial with 50 epochs (read the
// changes and claim a number, store the steps, record the result, read the changes again), timed while a study
// grows to 10,000 trials, for SQLite and (with TUNER_POSTGRES set) PostgreSQL. See OverheadRun.
// Usage: dotnet run -c Release --project benchmarks/StoreOverhead [-- --trials 10000 --steps 50]
var trials = Argument("--trials", 10_000);
var steps = Argument("--steps", 50);
var sizes = new[] { 100, trials }.Distinct().Where(n => n <= trials).ToList();
Console.WriteLine($"Store overhead per trial with {steps} steps, in ms: mean of the last 100 trials before the study reaches each size " +
    $"(steps batched by the runner's StepBuffer), and of 30 trials right after it writing each step with its own call; after 300 warm-up trials; {Environment.ProcessorCount} cores");

var directory = Path.Combine(Path.GetTempPath(), $"tuner-store-overhead-{Guid.NewGuid():N}");
Directory.CreateDirectory(directory);
try
{
    Report("SQLite", OverheadRun.Measure(() => RelationalStudyStore.OpenSqlite(Path.Combine(directory, "study.db")), sizes, steps));
}
finally
{
    Directory.Delete(directory, recursive: true);
}

if (Environment.GetEnvironmentVariable("TUNER_POSTGRES") is { Length: > 0 } server)
{
    var name = $"tuner_overhead_{Guid.NewGuid():N}";
    Execute(server, $"CREATE DATABASE {name}");
    try
    {
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        Report($"PostgreSQL ({StoredStudy.Describe(server)})", OverheadRun.Measure(() => RelationalStudyStore.OpenPostgres(database), sizes, steps));
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        Execute(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }
}
else
{
    Console.WriteLine("PostgreSQL: not measured; set TUNER_POSTGRES=\"Host=...;Username=...;Password=...;Database=...\" (a user allowed to create databases).");
}

return;

void Report(string engine, IReadOnlyList<SizeTiming> timings)
{
    Console.WriteLine();
    Console.WriteLine(engine);
    Console.WriteLine("  trials | per trial | claim | steps | result | changes | per trial, a call per step | whole history read");
    foreach (var size in timings)
    {
        double Mean(IReadOnlyList<TrialTiming> trials, Func<TrialTiming, double> part) => trials.Average(part);
        var b = size.Batched;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {size.Trials,6} | {Mean(b, t => t.Total),9:F2} | {Mean(b, t => t.Claim),5:F2} | {Mean(b, t => t.Steps),5:F2} | {Mean(b, t => t.Finish),6:F2} | " +
            $"{Mean(b, t => t.Sync),7:F2} | {Mean(size.StepByStep, t => t.Total),26:F2} | {size.FullReloadMs,18:F1}"));
    }
}

static void Execute(string connectionString, string sql)
{
    using var connection = new NpgsqlConnection(connectionString);
    connection.Open();
    using var command = new NpgsqlCommand(sql, connection);
    command.ExecuteNonQuery();
}

int Argument(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
