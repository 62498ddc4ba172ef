using Tuner.Study;

namespace Tuner.Engine;

/// <summary>
/// What a study holds and what its run wrote: its trials ranked best first, the winner (the best re-evaluated
/// configuration, or the best complete trial without a re-evaluation; null when none completed), the output files,
/// and, for the winner, the verdict of its learning curve by training-set size.
/// </summary>
public sealed record StudyOutcome(
    StudyInfo Study,
    IReadOnlyList<TrialRecord> Ranked,
    TrialRecord? Best,
    IReadOnlyList<string> Files,
    string? SizeVerdict = null,
    string? ModelMessage = null)
{
    /// <summary>Numbers of the complete trials within noise of the best validation score (paired on the same rows).</summary>
    public IReadOnlySet<int> TiedWithBest { get; init; } = new HashSet<int>();

    /// <summary>One line on the winner's re-evaluation on fresh folds (its score there and the search's optimism); null when it did not run.</summary>
    public string? ReevaluationSummary { get; init; }

    /// <summary>One line on how trials went through row subsamples (big data, see <see cref="RowRungs"/>); null when they did not.</summary>
    public string? RowRungSummary { get; init; }

    /// <summary>The best trial's validation metric.</summary>
    public double? BestValue => Best?.Value;
}
