using System.Text.Json;
using Tuner.Study;
using Tuner.Trainers.Data;
using Tuner.Trainers.Production;
using Tuner.Trainers.Training;

namespace Tuner.Output;

/// <summary>best.json: the winning trial's settings in the library's <see cref="TunedSettings"/> format.</summary>
internal static class BestSettings
{
    public static TunedSettings From(StudyInfo study, TrialRecord best, FeaturizationPlan plan, IReadOnlyDictionary<string, double>? metrics = null)
    {
        var config = study.Config;
        return new TunedSettings(
            TunedSettings.CurrentFormat, study.Name, best.Number, Enum.Parse<TaskKind>(config.Task, ignoreCase: true), config.Label,
            config.Classes, config.Metric, metrics ?? best.Metrics, best.Trainer, TrainerRegistry.FamilyOf(best.Trainer),
            best.Parameters.Values.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
            TrialExecutor.TrialSeed(config.Seed, best), config.Seed, plan, plan.SchemaFingerprint(), config.DataFingerprint, config.IgnoreColumns,
            config.Folds, config.DataPath, config.ValidationPath);
    }

}
