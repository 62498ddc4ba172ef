using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>What a sampler proposes: a trainer and its parameter values. A baseline uses the trainer's defaults.</summary>
public sealed record TrialProposal(string Trainer, HyperParameters Parameters, bool IsBaseline)
{
    /// <summary>Identifies the configuration, so the same one is never run twice.</summary>
    public string Key => $"{Trainer}({Parameters})";

    /// <summary>Whether a configuration's <see cref="Key"/> is <paramref name="key"/>, without building the key.</summary>
    public static bool HasKey(string trainer, HyperParameters parameters, string key)
    {
        if (key.Length < trainer.Length + 2) return false;
        var text = parameters.ToString();
        return key.Length == trainer.Length + text.Length + 2
            && key.AsSpan(0, trainer.Length).SequenceEqual(trainer)
            && key[trainer.Length] == '('
            && key.AsSpan(trainer.Length + 1, text.Length).SequenceEqual(text)
            && key[^1] == ')';
    }
}
