using Tuner.Study;

namespace Tuner.Search;

/// <summary>A sampler with a finite set of proposals; the runner stops asking once it is exhausted.</summary>
public interface IFiniteSampler
{
    bool IsExhausted(IReadOnlyList<TrialRecord> history);
}
