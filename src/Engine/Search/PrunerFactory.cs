namespace Tuner.Search;

/// <summary>
/// Builds the pruner named by --pruner, with its settings: "asha:min-resource=1,eta=3",
/// "hyperband:min-resource=1,eta=3,brackets=3", "median:warmup=2,min-trials=4".
/// </summary>
public static class PrunerFactory
{
    public static readonly IReadOnlyList<string> Names = ["asha", "hyperband", "median", "none"];

    public static IPruner Create(string text, bool higherIsBetter)
    {
        var spec = ComponentSpec.Parse(text, "--pruner");
        switch (spec.Name)
        {
            case "asha":
                spec.Allow("min-resource", "eta");
                return new AshaPruner(higherIsBetter, spec.Int("min-resource", 1, min: 1), spec.Int("eta", 3, min: 2));
            case "hyperband":
                spec.Allow("min-resource", "eta", "brackets");
                return new HyperbandPruner(higherIsBetter, spec.Int("min-resource", 1, min: 1), spec.Int("eta", 3, min: 2), spec.Int("brackets", 3, min: 1));
            case "median":
                spec.Allow("warmup", "min-trials");
                return new MedianPruner(higherIsBetter, spec.Int("warmup", 2, min: 0), spec.Int("min-trials", 4, min: 1));
            case "none":
                spec.Allow();
                return new NoPruner();
            default:
                throw new UserInputException($"--pruner '{spec.Name}' is not a pruner; choose from {string.Join(", ", Names)}.");
        }
    }
}
