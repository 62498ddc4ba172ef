// Ingestion: how fast a CSV file becomes the feature matrix the trials train on, beside ML.NET's TextLoader on
// the same file. Each step runs --repeat times (median) in one process, after one warm-up of each.
//   Tuner, CSV:         CsvReader alone: the file's cells into columns (numbers or shared texts)
//   Tuner, reading:     that, schema inference and the typed columns (DatasetLoader.Load)
//   Tuner, to matrix:   that, then the seeded split, the featurizer fitted on the training rows and both dense
//                       matrices (DataPreparation.Prepare): what `tune` does before its study line
//   TextLoader, reading: ML.NET's TextLoader with the same column types, every cell of every row read by a cursor
//   TextLoader, to matrix: that, then ML.NET's own transforms for the same plan (mean imputation, mean-variance
//                       normalization, one-hot, hashed one-hot) fitted on that view and the dense matrix materialized
// Each line also gives how long garbage collection paused the process in that step. first_touch.c measures the
// machine's cost of writing fresh memory, which the matrix pays once.
// Usage: dotnet run -c Release --project benchmarks/Ingestion -- FILE.csv LABEL [--repeat 3]
using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Tuner.Data;
using Tuner.Trainers.Data;
using Tuner.Trainers.Production;

if (args.Length < 2) { Console.Error.WriteLine("usage: Ingestion FILE.csv LABEL [--repeat N]"); return 2; }
var (path, label) = (args[0], args[1]);
var repeat = args.Length > 3 && args[2] == "--repeat" ? int.Parse(args[3]) : 3;
var megabytes = new FileInfo(path).Length / 1e6;
var options = new DataOptions(path, label, null, []);
var data = DatasetLoader.Load(options);
var plan = Featurizer.Plan(data, Enumerable.Range(0, data.Rows).ToArray());
Console.WriteLine($"Ingestion: {path}, {megabytes:F0} MB, {data.Rows} rows, {Environment.ProcessorCount} cores, median of {repeat}");

Measure("Tuner, CSV", () => CsvReader.Read(path, CellFormat.Default, new HashSet<string>([label])).RowCount);
Measure("Tuner, reading", () => DatasetLoader.Load(options).Rows);
Measure("Tuner, to matrix", () => DataPreparation.Prepare(new MLContext(1), DatasetLoader.Load(options), null, folds: 1, seed: 1).Folds[0].Training.Rows);
Measure("TextLoader, reading", () => ReadEveryCell(TextLoaderView(new MLContext(1))));
Measure("TextLoader, to matrix", () =>
{
    var ml = new MLContext(1);
    var view = TextLoaderView(ml);
    var featurized = MlNetTransforms(ml).Fit(view).Transform(view);
    return FeatureVectors.Materialize(featurized, data.Rows).Rows;
});
return 0;

IDataView TextLoaderView(MLContext ml)
{
    var header = CsvReader.ReadHeader(path);
    var numeric = plan.Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToHashSet();
    return ml.Data.CreateTextLoader(new TextLoader.Options
    {
        Columns = plan.Columns.Select(c => new TextLoader.Column(c.Name, numeric.Contains(c.Name) ? DataKind.Single : DataKind.String, header.ToList().IndexOf(c.Name))).ToArray(),
        HasHeader = true,
        Separators = [','],
        AllowQuoting = true,
        MissingRealsAsNaNs = true,
    }).Load(path);
}

IEstimator<ITransformer> MlNetTransforms(MLContext ml)
{
    var numeric = plan.Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToArray();
    var parts = new List<string> { "numeric" };
    var pipeline = ml.Transforms.Concatenate("numeric", numeric)
        .Append(ml.Transforms.ReplaceMissingValues("numeric", replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
        .Append(ml.Transforms.NormalizeMeanVariance("numeric", fixZero: false));
    IEstimator<ITransformer> chain = pipeline;
    foreach (var column in plan.Columns.Where(c => !c.IsNumeric))
    {
        parts.Add("__" + column.Name);
        chain = column.Encoding switch
        {
            FeatureEncoding.OneHot => chain.Append(ml.Transforms.Categorical.OneHotEncoding("__" + column.Name, column.Name)),
            FeatureEncoding.Boolean => chain.Append(ml.Transforms.Categorical.OneHotEncoding("__" + column.Name, column.Name)),
            _ => chain.Append(ml.Transforms.Categorical.OneHotHashEncoding("__" + column.Name, column.Name, numberOfBits: plan.HashBits)),
        };
    }

    return chain.Append(ml.Transforms.Concatenate(FeaturizationPlan.FeaturesColumn, parts.ToArray()));
}

static long ReadEveryCell(IDataView view)
{
    using var cursor = view.GetRowCursor(view.Schema);
    var getters = view.Schema.Select(c => c.Type is NumberDataViewType ? (Action)GetterOf<float>(cursor, c) : GetterOf<ReadOnlyMemory<char>>(cursor, c)).ToArray();
    long rows = 0;
    while (cursor.MoveNext())
    {
        foreach (var get in getters) get();
        rows++;
    }

    return rows;
}

static Action GetterOf<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
{
    var getter = cursor.GetGetter<T>(column);
    T value = default!;
    return () => getter(ref value);
}

void Measure(string name, Func<long> step)
{
    step();
    var runs = new List<(double Seconds, double Paused)>();
    for (var i = 0; i < repeat; i++)
    {
        GC.Collect();
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        step();
        runs.Add((clock.Elapsed.TotalSeconds, (GC.GetTotalPauseDuration() - paused).TotalSeconds));
    }

    var median = runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
    Console.WriteLine($"{name,-22} {median.Seconds,7:F2} s  {megabytes / median.Seconds,7:F0} MB/s  (garbage collection {median.Paused:F2} s)");
}
