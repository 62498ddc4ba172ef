using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Optimizers;

/// <summary>Builds an optimiser for a flat vector of <paramref name="parameterCount"/> weights.</summary>
internal delegate IOptimizer OptimizerCreator(int parameterCount, HyperParameters parameters);

/// <summary>The registry of optimisers: the <c>optimizer</c> hyper-parameter names one. A new optimiser is a class with its own <c>Entry</c>, listed here.</summary>
internal static class OptimizerFactory
{
    public static readonly IReadOnlyList<ComponentEntry<OptimizerCreator>> All =
        [SgdOptimizer.Entry, MomentumOptimizer.Entry, MomentumOptimizer.NesterovEntry, AdamOptimizer.Entry];

    public static IReadOnlyList<string> Names { get; } = All.Select(e => e.Name).ToList();

    public static readonly ParameterInfo Optimizer = ParameterInfo.Choice(ParameterNames.Optimizer, Names[0], "the optimiser", Names);

    /// <summary>The <c>optimizer</c> parameter and every optimiser's own.</summary>
    public static IEnumerable<ParameterInfo> Parameters => All.SelectMany(e => e.Parameters).Prepend(Optimizer).DistinctBy(p => p.Name);

    public static IOptimizer Create(HyperParameters parameters, int parameterCount)
    {
        string name = Optimizer.ReadChoice(parameters);
        var entry = All.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"Unknown optimizer '{name}'; use one of: {string.Join(", ", Names)}.");
        return entry.Create(parameterCount, parameters);
    }
}
