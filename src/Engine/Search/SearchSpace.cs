using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Search;

/// <summary>The trainers a study may use, each with its parameter space.</summary>
public sealed record SearchSpace(IReadOnlyList<TrainerSpace> Trainers, string Json)
{
    public TrainerSpace? Find(string trainer) => Trainers.FirstOrDefault(t => t.Trainer == trainer);

    /// <summary>Every trainer's starts, in the order of the trainers, as the trials to run after the baselines.</summary>
    public IReadOnlyList<TrialProposal> StartProposals() =>
        Trainers.SelectMany(t => t.Starts.Select(start => new TrialProposal(t.Trainer, new HyperParameters(start), IsBaseline: false))).ToList();
}
