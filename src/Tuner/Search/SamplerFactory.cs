namespace Tuner.Search;

/// <summary>Builds the sampler named by --sampler.</summary>
public static class SamplerFactory
{
    public static readonly IReadOnlyList<string> Names = ["random"];

    public const string Default = "random";

    public static ISampler Create(string name, SearchSpace space, int seed, bool higherIsBetter) => name switch
    {
        "random" => new RandomSampler(space, seed),
        _ => throw new UserInputException($"--sampler '{name}' is not a sampler; choose from {string.Join(", ", Names)}."),
    };
}
