using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tuner.Reports.Model;
using Tuner.Search;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Successive halving over data size, for folds with many training rows. A trial first trains on the first
/// <see cref="Rows"/>[0] training rows (a random sample: training rows are laid out in a seeded random order, and a
/// prefix is a view of the matrix, not a copy), is scored on as many validation rows (a random sample too, the same
/// for every trial) and judged by the study's pruner
/// against every trial that reached that rung (all trainers alike: at a given number of rows each model is fully
/// trained, so their scores compare, where a first epoch's do not); only a trial the pruner lets go on trains on
/// <see cref="Eta"/> times the rows, and so on up to all of them. The rung of r·<see cref="Eta"/>^k rows is the
/// pruner's step η^k (1, 3, 9, …), the steps at which ASHA with its default settings judges epochs, so ASHA's top
/// third, Hyperband's brackets and the median rule apply to rows as they do to epochs. A trial's value is only ever
/// its fit on all the rows: one stopped at a smaller rung is pruned, with the rows in its message.
/// </summary>
internal sealed partial class RowRungs
{
    /// <summary>
    /// A fold with at least this many training rows is searched over row rungs. On the 1M-row benchmark a trainer's
    /// defaults took 5 s (sdca) to 81 s (fastforest) on 800,000 rows, so at this size the dearest default takes about
    /// 10 s, and a budget of a few minutes still holds few full-data trials of the expensive families; below it, trials
    /// take a few seconds and the sample is small enough that a subsample's ranking says less.
    /// </summary>
    public const int BigDataRows = 100_000;

    /// <summary>Rows grow by this factor from rung to rung, and the pruner's step with them.</summary>
    public const int Eta = 3;

    /// <summary>The largest number of rungs below all the rows: each one the promoted trials pay for again.</summary>
    public const int MaxSmallRungs = 4;

    public const string Role = "row_rungs";

    /// <summary>The trainer name the rungs are recorded under on their board, so that every trial is every other's peer.</summary>
    private const string Peers = "rows";

    private RowRungs(IReadOnlyList<int> rows) => Rows = rows;

    /// <summary>Training rows at each rung, ascending; the last is all of them.</summary>
    public IReadOnlyList<int> Rows { get; }

    public int All => Rows[^1];

    /// <summary>
    /// The rungs for a fold of <paramref name="trainingRows"/> training rows, or null under <paramref name="threshold"/> rows
    /// (<see cref="BigDataRows"/> unless a test lowers it) or with a pruner that never stops a trial. The smallest rung
    /// holds at least a quarter of the threshold.
    /// </summary>
    public static RowRungs? For(int trainingRows, IPruner pruner, int threshold = BigDataRows)
    {
        if (trainingRows < threshold || pruner is NoPruner) return null;
        var small = 0;
        while (small < MaxSmallRungs && trainingRows / Math.Pow(Eta, small + 1) >= threshold / 4.0) small++;
        if (small == 0) return null;
        return new RowRungs(Enumerable.Range(0, small + 1)
            .Select(k => k == small ? trainingRows : (int)Math.Ceiling(trainingRows / Math.Pow(Eta, small - k)))
            .ToArray());
    }

    /// <summary>The pruner's step for rung <paramref name="rung"/>: η^rung.</summary>
    public static int Step(int rung) => (int)Math.Pow(Eta, rung);

    /// <summary>
    /// Records a trial's validation metric at a rung below all the rows and asks the pruner; returns null to go on, or the
    /// pruned trial's message.
    /// </summary>
    public string? Judge(int trial, int rung, double value, IPruner pruner, CurveBoard board)
    {
        board.Record(trial, Peers, Step(rung), value);
        return pruner.Check(trial, Step(rung), value, board) is { } reason ? Stopped(Rows[rung], reason) : null;
    }

    /// <summary>"stopped at 29,630 of 800,000 rows: " and the pruner's reason, without its "pruned at epoch k: " (steps here are rungs, not epochs).</summary>
    public string Stopped(int rows, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"stopped at {rows:N0} of {All:N0} rows: {EpochPrefix().Replace(reason, "")}");

    /// <summary>"stopped at 266,667 of 800,000 rows: a fit on 800,000 rows would take about 75 s, more than the 40 s the search has left".</summary>
    public string WouldNotFinish(int rung, TimeSpan expected, TimeSpan left) =>
        string.Create(CultureInfo.InvariantCulture,
            $"stopped at {Rows[rung]:N0} of {All:N0} rows: a fit on {Rows[rung + 1]:N0} rows would take about {expected.TotalSeconds:N0} s, more than the {Math.Max(0, left.TotalSeconds):N0} s the search has left");

    /// <summary>A trial's message when its fit on a small rung failed or diverged: where it happened, then what happened.</summary>
    public string On(int rows, string? message) =>
        string.Create(CultureInfo.InvariantCulture, $"on {rows:N0} of {All:N0} rows: {message}");

    /// <summary>The rung a stored trial was stopped at (from its message), or null for a trial that was not stopped by rows.</summary>
    public static int? StoppedAt(string? error) =>
        error is not null && StoppedPattern().Match(error) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Whether a stored trial ended before its fit on all the rows (stopped, failed or diverged on a smaller rung).</summary>
    public static bool EndedOnSmallRung(string? error) => error is not null && SmallRungPattern().IsMatch(error);

    /// <summary>What the stored trials of a study searched over <paramref name="rungs"/> did at each rung; trials not judged yet are left out.</summary>
    public static RowRungSummary Summarize(IReadOnlyList<int> rungs, IEnumerable<TrialRecord> trials)
    {
        var stopped = new int[rungs.Count - 1];
        var (failed, all) = (0, 0);
        foreach (var trial in trials.Where(t => t.IsFinished && !t.IsRetryable))
        {
            if (StoppedAt(trial.Error) is { } rows && IndexOf(rungs, rows) is var rung and >= 0 && rung < stopped.Length) stopped[rung]++;
            else if (EndedOnSmallRung(trial.Error)) failed++;
            else all++;
        }

        return new RowRungSummary(rungs, stopped, failed, all);
    }

    private static int IndexOf(IReadOnlyList<int> rungs, int rows)
    {
        for (var i = 0; i < rungs.Count; i++)
            if (rungs[i] == rows) return i;
        return -1;
    }

    public static void Save(IStudyStore store, long studyId, RowRungs rungs) =>
        store.SaveFile(studyId, new StoredFile(Role, "row_rungs.json", "", JsonSerializer.SerializeToUtf8Bytes(rungs.Rows)));

    public static IReadOnlyList<int>? Load(IStudyStore store, long studyId) =>
        store.LoadFile(studyId, Role) is { } file ? JsonSerializer.Deserialize<List<int>>(file.Content) : null;

    [GeneratedRegex(@"^pruned at epoch \d+: ")]
    private static partial Regex EpochPrefix();

    [GeneratedRegex(@"^stopped at ([\d,]+) of [\d,]+ rows: ")]
    private static partial Regex StoppedPattern();

    [GeneratedRegex(@"^(stopped at|on) [\d,]+ of [\d,]+ rows: ")]
    private static partial Regex SmallRungPattern();
}
