using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// How much memory one trial of a trainer is expected to add to the process while it runs: measured on this study
/// once a trial of it has run alone (its peak resident set less the resident set with the data loaded), and until
/// then a multiple of the training matrix per trainer family, measured by benchmarks/TrainerMemory on a million rows
/// (see the README, Speed > Scale). The tree trainers build their own binned copy of the data; the linear
/// trainers and ours stream the shared matrix.
/// </summary>
internal sealed class TrialMemoryNeeds(long trainingMatrixBytes, long baselineBytes)
{
    /// <summary>The extra memory of one trial as a multiple of the training matrix, by trainer family.</summary>
    private static readonly Dictionary<string, double> MatrixMultiple = new(StringComparer.Ordinal)
    {
        // Measured: fasttree 0.69, fastforest 0.87, lightgbm 0.41, sdca 0.04, lbfgs 0.01, sgd 0.02; with some margin.
        ["fasttree"] = 0.8,
        ["fastforest"] = 1.0,
        ["lightgbm"] = 0.5,
        ["sdca"] = 0.1,
        ["lbfgs"] = 0.1,
        ["sgd"] = 0.1,
        ["mlp"] = 0.1,
        // Not measured: ML.NET's online linear trainers stream the rows as SDCA and L-BFGS do.
        ["perceptron"] = 0.1,
        ["svm"] = 0.1,
        ["ogd"] = 0.1,
    };

    // A family not measured is taken to copy the data, as the tree trainers do.
    private const double UnmeasuredMultiple = 1.0;

    private readonly Dictionary<string, long> _measured = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The resident set when the study's data was loaded: what every trial's extra is counted from.</summary>
    public long BaselineBytes { get; } = baselineBytes;

    public long Expected(string trainer)
    {
        lock (_gate)
            if (_measured.TryGetValue(trainer, out var measured)) return measured;
        var multiple = MatrixMultiple.GetValueOrDefault(TrainerRegistry.FamilyOf(trainer), UnmeasuredMultiple);
        return (long)(trainingMatrixBytes * multiple);
    }

    /// <summary>Learns a trainer's need from the peak resident set of one of its trials that ran with no other beside it.</summary>
    public void Observe(string trainer, long peakBytes)
    {
        if (peakBytes <= 0) return;
        lock (_gate) _measured[trainer] = Math.Max(0, peakBytes - BaselineBytes);
    }
}
