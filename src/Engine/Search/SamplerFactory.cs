namespace Tuner.Search;

/// <summary>
/// Builds the sampler named by --sampler, with its settings: "tpe:candidates=48,startup=5,prior=1,per-second=off".
/// </summary>
public static class SamplerFactory
{
    public static readonly IReadOnlyList<string> Names = ["tpe", "random", "grid"];

    public const string Default = "tpe";

    /// <param name="timeBudget">Whether time bounds the study: TPE then chooses trainers for good trials per second
    /// unless its per-second setting says otherwise.</param>
    public static ISampler Create(string text, SearchSpace space, int seed, bool higherIsBetter, bool timeBudget)
    {
        var spec = ComponentSpec.Parse(text, "--sampler");
        try
        {
            return Build(spec, space, seed, higherIsBetter, timeBudget);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--sampler {text}: {e.Message.TrimEnd('.')}; narrow the search space or use --sampler tpe.");
        }
    }

    private static ISampler Build(ComponentSpec spec, SearchSpace space, int seed, bool higherIsBetter, bool timeBudget)
    {
        switch (spec.Name)
        {
            case "tpe":
                spec.Allow("candidates", "startup", "prior", "per-second");
                var defaults = TpeOptions.Default;
                return new TpeSampler(space, seed, higherIsBetter, new TpeOptions(
                    StartupTrials: spec.Int("startup", defaults.StartupTrials, min: 0),
                    Candidates: spec.Int("candidates", defaults.Candidates, min: 1),
                    PriorWeight: spec.Double("prior", defaults.PriorWeight),
                    PerSecond: spec.Bool("per-second", timeBudget)));
            case "random":
                spec.Allow();
                return new RandomSampler(space, seed);
            case "grid":
                spec.Allow();
                return new GridSampler(space, seed);
            default:
                throw new UserInputException($"--sampler '{spec.Name}' is not a sampler; choose from {string.Join(", ", Names)}.");
        }
    }
}
