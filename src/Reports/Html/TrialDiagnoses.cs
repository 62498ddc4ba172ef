using Tuner.Reports.Diagnosis;
using Tuner.Reports.Model;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Reports.Html;

/// <summary>Runs the fit diagnosis on a report's trials (all but running ones).</summary>
internal static class TrialDiagnoses
{
    public static FitDiagnosis? For(StudyReportData study, ReportTrial trial)
    {
        TrialState? state = trial.State switch
        {
            "complete" => TrialState.Complete,
            "pruned" => TrialState.Pruned,
            "diverged" => TrialState.Diverged,
            "failed" => TrialState.Failed,
            _ => null,
        };
        if (state is null) return null;
        var task = Enum.TryParse<TaskKind>(study.Task, ignoreCase: true, out var parsed) ? parsed : TaskKind.Binary;
        var training = trial.Metric($"train_{study.Metric}");
        return FitDiagnoser.Diagnose(new TrialDiagnosis(trial.Curve, state.Value, trial.Error)
        {
            Metric = MetricInfo.Find(task, study.Metric),
            TrainingMetric = double.IsFinite(training) ? training : null,
            ValidationMetric = trial.Value,
            StudyBest = study.Best?.Value,
            PlannedEpochs = trial.PlannedEpochs,
            ReferenceLoss = study.ReferenceLosses.TryGetValue((trial.Trainer, trial.Loss), out var reference) ? reference : null,
        });
    }

    public static string Label(FitKind kind) => kind switch
    {
        FitKind.GoodFit => "good fit",
        FitKind.Overfitting => "overfitting",
        FitKind.Underfitting => "underfitting",
        FitKind.Diverged => "diverged",
        FitKind.Unstable => "unstable",
        FitKind.TooShort => "too short to judge",
        FitKind.VanishingGradients => "vanishing gradients",
        FitKind.ExplodingGradients => "exploding gradients",
        _ => "unknown",
    };
}
