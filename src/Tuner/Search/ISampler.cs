using Tuner.Study;

namespace Tuner.Search;

/// <summary>Proposes the next trial from the space and the study's history (finished and running trials).</summary>
public interface ISampler
{
    TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history);
}
