using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>What a sampler proposes: a trainer and its parameter values. A baseline uses the trainer's defaults.</summary>
public sealed record TrialProposal(string Trainer, HyperParameters Parameters, bool IsBaseline)
{
    /// <summary>Identifies the configuration, so the same one is never run twice.</summary>
    public string Key => $"{Trainer}({Parameters})";
}
