using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Tuner.Reports.Charts;
using Tuner.Reports.Model;
using Tuner.Trainers.Data;
using Tuner.Trainers.MlNet;

namespace Tuner.Reports.Analysis;

/// <summary>
/// Which knobs matter: a random forest (ML.NET FastForest) learns the validation metric from the trials'
/// settings, then each knob is shuffled in turn (permutation importance) and the rise in the forest's RMSE
/// is that knob's importance. Numeric knobs enter as numbers (log10 when they span two decades), choices
/// as their index; a knob a trial did not use takes a value below every real one.
/// </summary>
internal static class ParameterImportance
{
    public const int MinimumTrials = 8;

    public static IReadOnlyList<(string Knob, double Importance)> Compute(IReadOnlyList<ReportTrial> trials, int seed = 1)
    {
        var complete = KnobValues.Complete(trials);
        var knobs = KnobValues.From(trials).Where(k => k.Varies).ToList();
        if (complete.Count < MinimumTrials || knobs.Count == 0) return [];

        var features = new float[complete.Count * knobs.Count];
        for (var k = 0; k < knobs.Count; k++)
        {
            var encode = Encoder(knobs[k]);
            for (var t = 0; t < complete.Count; t++)
                features[t * knobs.Count + k] = complete[t].Parameters.TryGetValue(knobs[k].Knob, out var text) || knobs[k].Knob == "trainer"
                    ? encode(knobs[k].Knob == "trainer" ? complete[t].Trainer : text!)
                    : -1e6f;
        }

        var labels = complete.Select(t => (float)t.Value!.Value).ToArray();
        var view = new MatrixDataView(new LabeledData(new FeatureMatrix(features, complete.Count, knobs.Count), labels, TaskKind.Regression, 0));
        var ml = new MLContext(seed);
        var forest = ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = Math.Clamp(complete.Count / 4, 2, 20),
            MinimumExampleCountPerLeaf = 2,
            NumberOfThreads = 1,
            LabelColumnName = MatrixDataView.LabelColumn,
            FeatureColumnName = MatrixDataView.FeaturesColumn,
        }).Fit(view);
        var permutation = ml.Regression.PermutationFeatureImportance(forest, view, MatrixDataView.LabelColumn, permutationCount: 5);
        return knobs.Select((k, i) => (k.Knob, permutation[i].RootMeanSquaredError.Mean)).ToList();
    }

    private static Func<string, float> Encoder(KnobValues knob)
    {
        if (knob.IsNumeric)
        {
            var log = KnobCharts.UseLogAxis(knob.Settings.Select(s => KnobValues.Number(s.Text)).ToList());
            return text => (float)(log ? Math.Log10(KnobValues.Number(text)) : KnobValues.Number(text));
        }

        return text => knob.CodeOf(text);
    }
}
