using System.Text.Json;
using System.Text.Json.Serialization;
using Tuner.Study;

namespace Tuner.Output;

/// <summary>best.json: everything needed to rebuild the winning trial.</summary>
public sealed record BestSettings(
    string Study,
    int Trial,
    string Task,
    string Label,
    IReadOnlyList<string> Classes,
    string? PositiveClass,
    string Metric,
    string Trainer,
    string TrainerFamily,
    IReadOnlyDictionary<string, object> Parameters,
    string Featurization,
    IReadOnlyList<string> IgnoreColumns,
    IReadOnlyDictionary<string, double> Metrics,
    int Seed,
    int Folds,
    string Data,
    string? ValidationData,
    string DataFingerprint)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static BestSettings From(StudyInfo study, TrialRecord best) => new(
        study.Name, best.Number, study.Config.Task, study.Config.Label, study.Config.Classes, study.Config.PositiveClass,
        study.Config.Metric, best.Trainer, TrainerRegistry.FamilyOf(best.Trainer), best.Parameters.Values, study.Config.Featurization,
        study.Config.IgnoreColumns, best.Metrics, study.Config.Seed, study.Config.Folds, study.Config.DataPath,
        study.Config.ValidationPath, study.Config.DataFingerprint);

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options));

    public static BestSettings Read(string path) => JsonSerializer.Deserialize<BestSettings>(File.ReadAllText(path), Options)!;
}
