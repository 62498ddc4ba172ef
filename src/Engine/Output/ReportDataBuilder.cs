using Tuner.Reports.Model;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Output;

/// <summary>Reads a study out of the store into the form the report writer takes.</summary>
internal static class ReportDataBuilder
{
    public static StudyReportData Build(IStudyStore store, StudyInfo study)
    {
        var config = study.Config;
        var ranked = Ranking.Rank(store.LoadTrials(study.Id), config.HigherIsBetter);
        var rungs = RowRungs.Load(store, study.Id);
        var replicates = store.LoadReplicates(study.Id);
        var tied = TiesWithBest.Of(ranked, replicates, config.HigherIsBetter);
        var trials = ranked.Select(t => new ReportTrial(
            // A trial stopped by the budget or an interruption was not judged and is not a failure.
            t.Number, t.IsRetryable ? "stopped" : StoreRows.Name(t.State), t.Trainer, t.IsBaseline,
            t.Parameters.Values.ToDictionary(p => p.Key, p => Compact(p.Value)),
            t.Metrics, t.Value, t.DurationSeconds, t.Error, t.Started, store.LoadSteps(t.Id))
        {
            Replicates = replicates.TryGetValue(t.Id, out var r) ? r.ToScore() : null,
            TiedWithBest = tied.Contains(t.Number),
        }).ToList();
        return new StudyReportData(study.Name, study.Created, config.Task, config.Metric, config.HigherIsBetter, config.DataPath,
            config.Label, config.Rows, config.FeatureColumns, config.Classes, config.ClassCounts, config.Folds, config.ValidationPath, config.Seed,
            config.Featurization, trials)
        {
            SizeCurve = SizeCurve.Load(store, study.Id),
            RowRungs = rungs is null ? null : RowRungs.Summarize(rungs, ranked),
            DataFingerprint = config.DataFingerprint,
            Reevaluation = WinnerReevaluation.Load(store, study.Id),
        };
    }

    private static string Compact(object value) =>
        value is double d ? d.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : HyperParameters.Format(value);
}
