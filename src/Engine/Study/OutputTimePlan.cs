namespace Tuner.Study;

/// <summary>
/// How a time budget T is shared between the search and what follows it, so that every output is written
/// within T: the search stops early enough to leave 15% of T for re-evaluating the best configurations on fresh
/// folds (<see cref="WinnerReevaluation"/>), a tenth of T for the winner's learning curve by
/// training-set size and 1 s plus 3% of T for the leaderboard, best.json, the report and model.zip. After the
/// search, the curve by size gets what is left once the export (about one fold's training of the winner, run beside
/// the curve when trials may run in parallel) and the report are counted, and is skipped if that is under a second. Those shares are the most the search leaves: while it
/// runs it may go on for as long as what follows is expected to take leaves room (<see cref="SearchTimeGiven"/>), so a
/// study of cheap trials searches for most of T. Without a time budget, nothing is reserved.
/// </summary>
internal sealed record OutputTimePlan(TimeSpan? Total)
{
    private const double ReevaluationShare = 0.15;
    private const double SizeCurveShare = 0.10;
    private const double OutputsShare = 0.03;
    private static readonly TimeSpan OutputsBase = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ShortestSizeCurve = TimeSpan.FromSeconds(1);

    /// <summary>Estimates of what follows the search are taken this many times over: trial times vary, and a budget is a budget.</summary>
    private const double EstimateMargin = 1.5;

    /// <summary>What featurizing the study's folds took (the fresh folds of the re-evaluation cost about as much each).</summary>
    public TimeSpan Featurizing { get; init; }

    /// <summary>The study's folds: with one, the curve by size reuses the winning trial's own fit (<see cref="SizeCurve.FullFits"/>).</summary>
    public int Folds { get; init; } = 1;

    /// <summary>Whether model.zip is trained beside the curve by size (trials may run in parallel) rather than after it.</summary>
    public bool ExportBesideSizeCurve { get; init; }

    /// <summary>What the search may take when what follows it is expected to need its full shares: T less the reserve, and at least half of T.</summary>
    public TimeSpan? SearchTime => Total is { } total ? total - Reserve(total) : null;

    /// <summary>The most <see cref="SearchTimeGiven"/> can give: T less the least that follows a search (the outputs' base, the curve by size's second, an export and a report of nothing).</summary>
    public TimeSpan? LongestSearchTime => Total is { } total ? total - Min(Reserve(total), LeastReserve) : null;

    private static TimeSpan LeastReserve => OutputsBase + ShortestSizeCurve + Export(0) + Report(0);

    /// <summary>
    /// What the search may take now that what follows it can be estimated: T less the expected re-evaluation of the best
    /// configurations (none when even the best one's would not fit in its share, as it would then be skipped), the
    /// winner's full curve by size (at least the second it needs), its export, the report and the outputs' base second, each
    /// estimate taken <see cref="EstimateMargin"/> times over and held to its share; never more than <see cref="SearchTime"/>.
    /// </summary>
    /// <param name="reevaluation">The re-evaluation's expected time, all of it and up to its best candidate (<see cref="WinnerReevaluation.ExpectedTime"/>).</param>
    /// <param name="winnerSeconds">What the best trial so far took to train one fold.</param>
    /// <param name="winnerKept">
    /// Whether the best trial's fitted model is kept in memory (<see cref="WinnerModel"/>): with no re-evaluation to choose
    /// another winner, model.zip is then that model, and the export trains nothing.
    /// </param>
    public TimeSpan? SearchTimeGiven((TimeSpan All, TimeSpan First) reevaluation, double winnerSeconds, int trials, bool winnerKept = false)
    {
        if (Total is not { } total) return null;
        var reevaluating = reevaluation.First > total * ReevaluationShare ? TimeSpan.Zero : Min(total * ReevaluationShare, reevaluation.All * EstimateMargin);
        var sizeCurve = SizeCurveFirstFits(winnerSeconds) > total * SizeCurveShare ? TimeSpan.Zero
            : Min(total * SizeCurveShare, TimeSpan.FromSeconds(Math.Max(ShortestSizeCurve.TotalSeconds, SizeCurve.FullFits(Folds) * winnerSeconds * EstimateMargin)));
        var export = Export(winnerKept && reevaluating == TimeSpan.Zero ? 0 : winnerSeconds) * EstimateMargin;
        var expected = reevaluating + (ExportBesideSizeCurve ? Max(sizeCurve, export) : sizeCurve + export) + Report(trials) + OutputsBase;
        return total - Min(Reserve(total), expected);
    }

    /// <summary>
    /// The time the re-evaluation of the best configurations may take, <paramref name="left"/> before the deadline: its
    /// share of T, or less when the search ran late, leaving the outputs theirs; null (no limit) without a time budget.
    /// </summary>
    public TimeSpan? ReevaluationAllowance(TimeSpan left)
    {
        if (Total is not { } total) return null;
        var allowance = Min(total * ReevaluationShare, left - OutputsBase - total * OutputsShare);
        return allowance < TimeSpan.Zero ? TimeSpan.Zero : allowance;
    }

    /// <summary>
    /// The time the winner's learning curve by size may take, <paramref name="left"/> before the deadline (null
    /// without a time budget: then a tenth of the search's time, at least 2 s), or zero when it must be skipped: under a
    /// second, or too short for the curve's first fits, which run whatever the allowance.
    /// </summary>
    /// <param name="winnerSeconds">What the winning trial took to train (all folds).</param>
    public TimeSpan SizeCurveAllowance(TimeSpan searchTime, TimeSpan left, double winnerSeconds, int trials)
    {
        if (Total is not { } total) return TimeSpan.FromSeconds(Math.Max(2, searchTime.TotalSeconds / 10));
        var foldSeconds = winnerSeconds / Math.Max(1, Folds);
        var export = ExportBesideSizeCurve ? TimeSpan.Zero : Export(foldSeconds);
        var allowance = Min(total * SizeCurveShare, left - export - Report(trials));
        return allowance < ShortestSizeCurve || allowance < SizeCurveFirstFits(foldSeconds) ? TimeSpan.Zero : allowance;
    }

    /// <summary>
    /// The curve by size's first two fits, half and all of the rows, which its verdict compares and which run whatever its
    /// allowance: with one fold the full-size fit is the winning trial's own, so only the half-size one trains.
    /// </summary>
    private TimeSpan SizeCurveFirstFits(double winnerFoldSeconds) => TimeSpan.FromSeconds(winnerFoldSeconds * (Folds == 1 ? 0.5 : 1.5));

    /// <summary>model.zip: about one fold's training of the winner.</summary>
    private static TimeSpan Export(double winnerFoldSeconds) => TimeSpan.FromSeconds(0.5 + winnerFoldSeconds);

    private static TimeSpan Report(int trials) => TimeSpan.FromSeconds(0.5 + 0.0005 * trials);

    private static TimeSpan Reserve(TimeSpan total) => Min(total / 2, total * (ReevaluationShare + SizeCurveShare + OutputsShare) + OutputsBase);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
