namespace Tuner.Search.Tpe;

/// <summary>The parameter models of one trainer, built on demand from that trainer's observations only.</summary>
internal sealed class TrainerModels(TrainerSpace trainer, TpeSplit split, double priorWeight)
{
    private readonly IReadOnlyList<TpeObservation> good = split.Good.Where(o => o.Trainer == trainer.Trainer).ToList();
    private readonly IReadOnlyList<TpeObservation> bad = split.Bad.Where(o => o.Trainer == trainer.Trainer).ToList();
    private readonly Dictionary<string, ParameterModel?> models = new(StringComparer.Ordinal);

    /// <summary>The model of a parameter, or null to draw it from its prior.</summary>
    public ParameterModel? For(ParameterSpec parameter)
    {
        if (!models.TryGetValue(parameter.Name, out var model))
            models[parameter.Name] = model = ParameterModel.Create(parameter, good, bad, priorWeight);
        return model;
    }
}
