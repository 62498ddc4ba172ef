using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>Builds a sampler from its checked --sampler settings.</summary>
internal delegate ISampler SamplerCreator(ComponentSpec settings, SearchContext context);

/// <summary>
/// The registry of samplers, which --sampler names with its settings: "tpe:candidates=48,startup=5,prior=1,per-second=off".
/// A new sampler is a class with its own <c>Entry</c>, listed here.
/// </summary>
internal static class SamplerFactory
{
    public static readonly IReadOnlyList<ComponentEntry<SamplerCreator>> All = [TpeSampler.Entry, RandomSampler.Entry, GridSampler.Entry];

    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToList();

    public const string Default = "tpe";

    /// <param name="timeBudget">Whether time bounds the study: TPE then chooses trainers for good trials per second
    /// unless its per-second setting says otherwise.</param>
    public static ISampler Create(string text, SearchSpace space, int seed, bool higherIsBetter, bool timeBudget)
    {
        var (entry, spec) = Resolve(ComponentSpec.Parse(text, "--sampler"));
        try
        {
            return entry.Create(spec, new SearchContext(space, seed, higherIsBetter, timeBudget));
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--sampler {text}: {e.Message.TrimEnd('.')}; narrow the search space or use --sampler tpe.");
        }
    }

    private static (ComponentEntry<SamplerCreator> Entry, ComponentSpec Spec) Resolve(ComponentSpec spec)
    {
        var entry = All.FirstOrDefault(e => e.Name == spec.Name)
            ?? throw new UserInputException($"--sampler '{spec.Name}' is not a sampler; choose from {string.Join(", ", Names)}.");
        return (entry, spec.Check(entry.Parameters));
    }
}
