namespace Tuner.Search;

/// <summary>The trainers a study may use, each with its parameter space.</summary>
public sealed record SearchSpace(IReadOnlyList<TrainerSpace> Trainers, string Json)
{
    public TrainerSpace? Find(string trainer) => Trainers.FirstOrDefault(t => t.Trainer == trainer);
}
