using Tuner.Search;
using Tuner.Storage;

namespace Tuner.Engine;

/// <summary>
/// The parts of a study given as objects instead of by name in <see cref="StudyOptions"/>: each left null is
/// built from the options. The sampler and the pruner are made once the data is loaded, since they need the
/// study's search space and whether its metric is better higher.
/// </summary>
public sealed record StudyComponents
{
    /// <summary>Makes the sampler; replaces <see cref="StudyOptions.Sampler"/>. A shared study's workers rebuild theirs from the stored name, so give custom samplers to single-process studies.</summary>
    public Func<SearchContext, ISampler>? Sampler { get; init; }

    /// <summary>Makes the pruner; replaces <see cref="StudyOptions.Pruner"/>.</summary>
    public Func<SearchContext, IPruner>? Pruner { get; init; }

    /// <summary>The store; replaces <see cref="StudyOptions.Storage"/>. The session does not dispose a store it was given.</summary>
    public IStudyStore? Store { get; init; }

    /// <summary>The trainers and their parameters to search; replaces <see cref="StudyOptions.SpacePath"/> and <see cref="StudyOptions.Trainers"/>.</summary>
    public SearchSpace? Space { get; init; }
}
