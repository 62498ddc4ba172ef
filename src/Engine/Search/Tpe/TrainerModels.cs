namespace Tuner.Search.Tpe;

/// <summary>
/// The parameter models of one trainer, built on demand from that trainer's observations only, given as their
/// trials' codes, best first.
/// </summary>
internal sealed class TrainerModels(TrainerSpace trainer, IReadOnlyList<TrialCodes> good, IReadOnlyList<TrialCodes> bad, double priorWeight, ParameterCodes codes)
{
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
}
