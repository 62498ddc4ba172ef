using Tuner.Study;

namespace Tuner.Search;

/// <summary>A sampler with a finite set of proposals (a grid): the study ends when it is exhausted.</summary>
public interface IFiniteSampler
{
    bool IsExhausted(IReadOnlyList<TrialRecord> history);
}
