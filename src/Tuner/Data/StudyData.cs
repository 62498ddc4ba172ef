namespace Tuner.Data;

/// <summary>Everything a study's trials train on, prepared once and shared read-only by all trials.</summary>
public sealed record StudyData(Dataset Data, Dataset? ValidationData, IReadOnlyList<Fold> Folds, string Featurization)
{
    public Trainers.Data.TaskKind Task => Data.Label.Task;
}
