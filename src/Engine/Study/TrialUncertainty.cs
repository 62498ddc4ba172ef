using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;

namespace Tuner.Study;

/// <summary>
/// The uncertainty of complete trials' validation ranking metric: on a holdout, its value on each of the study's
/// bootstrap resamples of the validation rows (<see cref="BootstrapWeights"/>, seeded by the study's seed, so the same
/// for every trial and for every study of the same data, seed and split); under --folds, its value on each fold.
/// Its 95% interval goes into the trial's metrics as valid_&lt;metric&gt;_low and valid_&lt;metric&gt;_high.
/// </summary>
internal sealed class TrialUncertainty(string metric, int studySeed, int validationRows)
{
    public const string LowSuffix = "_low";
    public const string HighSuffix = "_high";

    private readonly Lazy<BootstrapWeights> _weights = new(() => new BootstrapWeights(validationRows, studySeed, BootstrapWeights.ReplicatesFor(validationRows)));

    public ScoreReplicates Bootstrap(LabeledData validation, Predictions predictions) =>
        new(ReplicateKind.Bootstrap, MetricReplicates.Compute(validation.Labels, predictions, metric, _weights.Value));

    public ScoreReplicates Folds(IReadOnlyList<Dictionary<string, double>> folds) =>
        new(ReplicateKind.Folds, folds.Select(f => (float)f[$"valid_{metric}"]).ToArray());

    /// <summary>Adds the interval of <paramref name="replicates"/> to <paramref name="metrics"/> (when it is defined).</summary>
    public void AddInterval(Dictionary<string, double> metrics, ScoreReplicates replicates)
    {
        var (low, high) = replicates.Interval();
        if (!double.IsFinite(low) || !double.IsFinite(high)) return;
        metrics[$"valid_{metric}{LowSuffix}"] = low;
        metrics[$"valid_{metric}{HighSuffix}"] = high;
    }

    /// <summary>Whether a metric name is an interval bound written by <see cref="AddInterval"/>.</summary>
    public static bool IsBound(string name) => name.EndsWith(LowSuffix, StringComparison.Ordinal) || name.EndsWith(HighSuffix, StringComparison.Ordinal);
}
