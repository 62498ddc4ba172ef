using Tuner.Study;
using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Search;

/// <summary>
/// Uniform random search: a trainer uniformly, then each active parameter from its range. The draw for
/// trial n depends only on the seed and n, so a resumed study continues the same sequence. Each trainer's
/// default settings are tried first (the baseline the report compares against), then the space's starts, and a
/// configuration already in the history is never proposed again.
/// </summary>
public sealed class RandomSampler(SearchSpace space, int seed) : ISampler
{
    private const int MaxRedraws = 100;
    private readonly IReadOnlyList<TrialProposal> starts = space.StartProposals();

    internal static ComponentEntry<SamplerCreator> Entry { get; } =
        new("random", "uniform random search", [], (_, context) => new RandomSampler(context.Space, context.Seed));

    public TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history)
    {
        var seen = new SeenConfigurations(history);
        var missingBaseline = space.Trainers.FirstOrDefault(t => !history.Any(h => h.IsBaseline && h.Trainer == t.Trainer && !h.IsRetryable));
        if (missingBaseline is not null)
            return new TrialProposal(missingBaseline.Trainer, new HyperParameters(missingBaseline.Defaults()), IsBaseline: true);
        if (starts.FirstOrDefault(start => !seen.Contains(start.Key)) is { } start) return start;

        var random = ForTrial(seed, trialNumber);
        TrialProposal proposal;
        var attempt = 0;
        do
        {
            var trainer = space.Trainers[random.Next(space.Trainers.Count)];
            proposal = new TrialProposal(trainer.Trainer, new HyperParameters(trainer.Sample(random)), IsBaseline: false);
        }
        while (seen.Contains(proposal.Key) && ++attempt < MaxRedraws);

        return proposal;
    }

    /// <summary>
    /// The generator for one trial number: depends only on the seed, the number and a per-sampler salt, so a
    /// resumed study draws what an uninterrupted one would have (HashCode.Combine is randomised per process).
    /// </summary>
    public static Random ForTrial(int seed, int trialNumber, int salt = 0) =>
        new((unchecked(seed * 1_000_003 + trialNumber * 7_919) ^ salt) & int.MaxValue);
}
