using Tuner.Study;

namespace Tuner.Search;

/// <summary>Proposes the next trial from the space and the study's history (finished and running trials).</summary>
public interface ISampler
{
    TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history);

    /// <summary>
    /// What a trial just cost the runner besides training it: proposing, storing, waiting for the other workers'
    /// turn. Samplers that weigh trials by their time use it; the others ignore it.
    /// </summary>
    void ObserveOverhead(TimeSpan overhead) { }

    /// <summary>
    /// How long the search has left, told before each proposal under a time budget. Samplers that weigh trials by
    /// their time use it not to start a trial that cannot finish; the others ignore it.
    /// </summary>
    void ObserveTimeLeft(TimeSpan left) { }
}
