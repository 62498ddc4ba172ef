using Tuner.Study;

namespace Tuner.Engine;

/// <summary>
/// What a study holds and what its run wrote: its trials ranked best first, the best complete one (null when
/// none completed), the output files, and, for the winner, the verdict of its learning curve by training-set size.
/// </summary>
public sealed record StudyOutcome(
    StudyInfo Study,
    IReadOnlyList<TrialRecord> Ranked,
    TrialRecord? Best,
    IReadOnlyList<string> Files,
    string? SizeVerdict = null,
    string? ModelMessage = null)
{
    /// <summary>The best trial's validation metric.</summary>
    public double? BestValue => Best?.Value;
}
