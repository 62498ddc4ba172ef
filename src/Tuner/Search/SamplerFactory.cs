namespace Tuner.Search;

/// <summary>Builds the sampler named by --sampler.</summary>
public static class SamplerFactory
{
    public static readonly IReadOnlyList<string> Names = ["tpe", "random", "grid"];

    public const string Default = "tpe";

    public static ISampler Create(string name, SearchSpace space, int seed, bool higherIsBetter)
    {
        try
        {
            return Build(name, space, seed, higherIsBetter);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--sampler {name}: {e.Message.TrimEnd('.')}; narrow the search space or use --sampler tpe.");
        }
    }

    private static ISampler Build(string name, SearchSpace space, int seed, bool higherIsBetter) => name switch
    {
        "tpe" => new TpeSampler(space, seed, higherIsBetter),
        "random" => new RandomSampler(space, seed),
        "grid" => new GridSampler(space, seed),
        _ => throw new UserInputException($"--sampler '{name}' is not a sampler; choose from {string.Join(", ", Names)}."),
    };
}
