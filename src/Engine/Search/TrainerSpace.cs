namespace Tuner.Search;

/// <summary>A trainer and the parameters searched for it, in sampling order (parents before children).</summary>
public sealed record TrainerSpace(string Trainer, IReadOnlyList<ParameterSpec> Parameters)
{
    /// <summary>
    /// Complete configurations of this space to try right after the baselines (the file's "starts"): points a
    /// practitioner would try first, which the search then learns from like any other trial.
    /// </summary>
    public IReadOnlyList<Dictionary<string, object>> Starts { get; init; } = [];

    /// <summary>Samples every active parameter; a conditional one only when its parent took a listed value.</summary>
    public Dictionary<string, object> Sample(Random random)
    {
        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
            if (parameter.When is null || parameter.When.Holds(chosen))
                chosen[parameter.Name] = parameter.Sample(random);
        return chosen;
    }

    /// <summary>The trainer's own defaults: only fixed values are set (and their active children).</summary>
    public Dictionary<string, object> Defaults()
    {
        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in Parameters.OfType<FixedParameter>())
            if (parameter.When is null || parameter.When.Holds(chosen))
                chosen[parameter.Name] = parameter.Value;
        return chosen;
    }
}
