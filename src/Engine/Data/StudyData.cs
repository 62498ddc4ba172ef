namespace Tuner.Data;

/// <summary>Everything a study's trials train on, prepared once and shared read-only by all trials.</summary>
internal sealed record StudyData(Dataset Data, Dataset? ValidationData, IReadOnlyList<Fold> Folds, Trainers.Production.FeaturizationPlan Plan)
{
    /// <summary>How the columns are featurized, in words (the plan of the first fold).</summary>
    public string Featurization => Plan.Describe();

    public Trainers.Data.TaskKind Task => Data.Label.Task;
}
