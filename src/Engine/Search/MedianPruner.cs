using System.Globalization;
using Tuner.Study;
using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>
/// Median stopping rule (Golovin et al. 2017, Google Vizier): after <see cref="WarmupSteps"/> epochs, stop a
/// trial whose best value so far is worse than the median of the other trials' values at the same epoch,
/// once at least <see cref="MinimumOtherTrials"/> of them reached that epoch.
/// </summary>
public sealed class MedianPruner(bool higherIsBetter, int warmupSteps = 2, int minimumOtherTrials = 4) : IPruner
{
    internal static readonly ParameterInfo WarmupSetting = ParameterInfo.Int("warmup", 2, "epochs before any trial is judged", min: 0);

    internal static readonly ParameterInfo MinimumTrialsSetting = ParameterInfo.Int("min-trials", 4, "other trials that must have reached the epoch", min: 1);

    internal static ComponentEntry<PrunerCreator> Entry { get; } = new(
        "median", "median stopping rule", [WarmupSetting, MinimumTrialsSetting],
        (settings, higherIsBetter) => new MedianPruner(higherIsBetter, settings.Int(WarmupSetting), settings.Int(MinimumTrialsSetting)));

    public int WarmupSteps { get; } = warmupSteps;

    public int MinimumOtherTrials { get; } = minimumOtherTrials;

    public string? Check(int trial, int step, double value, CurveBoard board)
    {
        if (step <= WarmupSteps) return null;
        var others = board.ValuesAt(step, trial);
        if (others.Count < MinimumOtherTrials) return null;
        others.Sort();
        var median = others.Count % 2 == 1 ? others[others.Count / 2] : (others[others.Count / 2 - 1] + others[others.Count / 2]) / 2;
        var curve = board.Curve(trial).Where(double.IsFinite).ToList();
        if (curve.Count == 0) return $"no finite value by epoch {step}";
        var best = higherIsBetter ? curve.Max() : curve.Min();
        var worse = higherIsBetter ? best < median : best > median;
        return worse
            ? string.Create(CultureInfo.InvariantCulture, $"pruned at epoch {step}: best value {best:G4} is worse than the median {median:G4} of {others.Count} other trials at that epoch")
            : null;
    }
}
