using Microsoft.ML;
using Tuner.Data;
using Tuner.Trainers.Data;

namespace Tuner.Study;

/// <summary>
/// Loads a study's data again from its stored configuration (same label, task, ignored columns), checked
/// against the fingerprint the study recorded, and prepares it exactly as the run that created it did.
/// </summary>
internal static class StudyDataReload
{
    public static (Dataset Data, Dataset? Validation) Load(StudyConfig config, string dataPath, string? validationPath)
    {
        var task = Enum.Parse<TaskKind>(config.Task, ignoreCase: true);
        var data = DatasetLoader.Load(new DataOptions(dataPath, config.Label, task, config.IgnoreColumns, config.PositiveClass, config.Cells));
        var validation = validationPath is null ? null : DatasetLoader.LoadValidation(validationPath, data);
        var fingerprint = DatasetLoader.Fingerprint(data, validation);
        if (fingerprint != config.DataFingerprint)
            throw new UserInputException($"'{dataPath}' has changed since the study ran (fingerprint {fingerprint}, study {config.DataFingerprint}); use the original data or tune again.");
        return (data, validation);
    }

    /// <summary>The folds and featurization the study's trials train on.</summary>
    public static StudyData Prepare(StudyConfig config, string dataPath, string? validationPath)
    {
        var (data, validation) = Load(config, dataPath, validationPath);
        return DataPreparation.Prepare(new MLContext(config.Seed), data, validation, config.Folds, config.Seed);
    }
}
