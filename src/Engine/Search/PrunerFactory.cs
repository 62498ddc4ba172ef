using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>Builds a pruner from its checked --pruner settings, for a metric where higher is or is not better.</summary>
internal delegate IPruner PrunerCreator(ComponentSpec settings, bool higherIsBetter);

/// <summary>
/// The registry of pruners, which --pruner names with its settings: "asha:min-resource=1,eta=3",
/// "hyperband:min-resource=1,eta=3,brackets=3", "median:warmup=2,min-trials=4". A new pruner is a class with its
/// own <c>Entry</c>, listed here.
/// </summary>
internal static class PrunerFactory
{
    public static readonly IReadOnlyList<ComponentEntry<PrunerCreator>> All = [AshaPruner.Entry, HyperbandPruner.Entry, MedianPruner.Entry, NoPruner.Entry];

    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToList();

    public const string Default = "asha";

    public static IPruner Create(string text, bool higherIsBetter)
    {
        var spec = ComponentSpec.Parse(text, "--pruner");
        var entry = All.FirstOrDefault(e => e.Name == spec.Name)
            ?? throw new UserInputException($"--pruner '{spec.Name}' is not a pruner; choose from {string.Join(", ", Names)}.");
        return entry.Create(spec.Check(entry.Parameters), higherIsBetter);
    }
}
