namespace Tuner.Search;

/// <summary>Builds the pruner named by --pruner.</summary>
public static class PrunerFactory
{
    public static readonly IReadOnlyList<string> Names = ["asha", "hyperband", "median", "none"];

    public static IPruner Create(string name, bool higherIsBetter) => name switch
    {
        "asha" => new AshaPruner(higherIsBetter),
        "hyperband" => new HyperbandPruner(higherIsBetter),
        "median" => new MedianPruner(higherIsBetter),
        "none" => new NoPruner(),
        _ => throw new UserInputException($"--pruner '{name}' is not a pruner; choose from {string.Join(", ", Names)}."),
    };
}
