namespace Tuner.Search.Tpe;

/// <summary>The parameter models of one trainer, built on demand from that trainer's observations only.</summary>
internal sealed class TrainerModels(TrainerSpace trainer, TpeSplit split, double priorWeight, ParameterCodes codes)
{
    private readonly IReadOnlyList<TrialCodes> good = Codes(trainer, split.Good, codes);
    private readonly IReadOnlyList<TrialCodes> bad = Codes(trainer, split.Bad, codes);
    private readonly Dictionary<string, ParameterModel?> models = new(StringComparer.Ordinal);

    /// <summary>The model of a parameter, or null to draw it from its prior.</summary>
    public ParameterModel? For(ParameterSpec parameter)
    {
        if (!models.TryGetValue(parameter.Name, out var model))
        {
            var index = IndexOf(parameter);
            models[parameter.Name] = model = ParameterModel.Create(parameter, index, good, bad, priorWeight, codes.Sorted(trainer, index));
        }

        return model;
    }

    private int IndexOf(ParameterSpec parameter)
    {
        for (var i = 0; i < trainer.Parameters.Count; i++)
            if (trainer.Parameters[i].Name == parameter.Name) return i;
        throw new ArgumentException($"'{parameter.Name}' is not a parameter of {trainer.Trainer}.", nameof(parameter));
    }

    private static List<TrialCodes> Codes(TrainerSpace trainer, IReadOnlyList<TpeObservation> observations, ParameterCodes codes)
    {
        var list = new List<TrialCodes>();
        foreach (var o in observations)
            if (o.Trainer == trainer.Trainer) list.Add(codes.For(trainer, o.Parameters));
        return list;
    }
}
