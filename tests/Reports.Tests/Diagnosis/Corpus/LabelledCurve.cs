using System.Text.Json;
using Tuner.Reports.Diagnosis;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Reports.Tests.Diagnosis.Corpus;

/// <summary>
/// The labelled corpus (curves.jsonl): real trials from studies on the sample datasets, each labelled by hand by the
/// textbook definitions of benchmarks/DiagnosisAgreement/LABELS.md before the rules were written against them.
/// </summary>
internal sealed record LabelledCurve(string Id, TaskKind Task, string Trainer, string Label, TrialDiagnosis Trial)
{
    public static IReadOnlyList<LabelledCurve> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Diagnosis", "Corpus", "curves.jsonl");
        return File.ReadLines(path).Where(line => line.Length > 0).Select(Parse).ToArray();
    }

    /// <summary>The corpus label a verdict corresponds to.</summary>
    public static string LabelOf(FitKind kind) => kind switch
    {
        FitKind.Diverged => "diverged",
        FitKind.TooShort => "too_short",
        FitKind.Unstable => "unstable",
        FitKind.Overfitting => "overfitting",
        FitKind.Underfitting => "underfitting",
        FitKind.GoodFit => "good_fit",
        _ => kind.ToString(),
    };

    private static LabelledCurve Parse(string line)
    {
        var e = JsonDocument.Parse(line).RootElement;
        var task = Enum.Parse<TaskKind>(e.GetProperty("task").GetString()!, ignoreCase: true);
        var curve = e.GetProperty("curve").EnumerateArray().Select(point =>
        {
            double At(int i) => point[i].ValueKind == JsonValueKind.Number ? point[i].GetDouble() : double.NaN;
            // Boosted rounds carry no gradient norms (NaN), as the store gives them; epoch trainers' norms are not in the corpus.
            bool trees = e.GetProperty("trainer").GetString()!.Contains("lightgbm") || e.GetProperty("trainer").GetString()!.Contains("fasttree");
            return new EpochRecord(point[0].GetInt32(), At(1), At(2), At(3), At(4), trees ? double.NaN : 0, double.NaN, []);
        }).ToArray();
        var state = e.GetProperty("state").GetString() switch
        {
            "pruned" => TrialState.Pruned,
            "diverged" => TrialState.Diverged,
            "failed" => TrialState.Failed,
            _ => TrialState.Complete,
        };
        double? Number(string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : null;
        var trial = new TrialDiagnosis(curve, state, e.GetProperty("error").GetString())
        {
            Metric = MetricInfo.Find(task, e.GetProperty("metric").GetString()!),
            TrainingMetric = Number("train_metric"),
            ValidationMetric = Number("valid_metric"),
            StudyBest = Number("study_best"),
            PlannedEpochs = curve.Length == 0 ? null : e.GetProperty("planned_epochs").GetInt32(),
            ReferenceLoss = Number("reference_loss"),
        };
        return new LabelledCurve(e.GetProperty("id").GetString()!, task, e.GetProperty("trainer").GetString()!, e.GetProperty("label").GetString()!, trial);
    }
}
