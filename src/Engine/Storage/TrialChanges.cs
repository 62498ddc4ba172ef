using Tuner.Study;

namespace Tuner.Storage;

/// <summary>
/// The trials of a study that were created or changed after a version, and the version to ask from next
/// time. Versions come from the study row, bumped under its lock by every trial change, so a reader that
/// has seen version v has seen every change up to v.
/// </summary>
public sealed record TrialChanges(IReadOnlyList<TrialRecord> Trials, long Version)
{
    /// <summary>The version before any change: asking from it returns the whole history.</summary>
    public const long Start = -1;
}
