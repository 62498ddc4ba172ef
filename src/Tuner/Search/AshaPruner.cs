using System.Globalization;
using Tuner.Study;

namespace Tuner.Search;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020, "ASHA") with epochs as the resource. Rungs sit at
/// epochs r·η^k (r = <see cref="MinResource"/>, η = <see cref="ReductionFactor"/>). A trial reaching a rung
/// goes on only if its value there is in the top 1/η of the values its trainer's trials recorded at that
/// rung so far. A rung judges nobody until η other trials of the trainer have reached it (Optuna's bootstrap
/// count, set to η): with fewer, "the top 1/η" is just "the best so far", and a trainer's first trials,
/// which tell the sampler whether the trainer is any good, were nearly all stopped after one epoch.
/// <see cref="BracketOffset"/> shifts the rungs and <c>peers</c> limits the competitors, which is how
/// Hyperband's brackets differ.
/// </summary>
public sealed class AshaPruner(bool higherIsBetter, int minResource = 1, int reductionFactor = 3, int bracketOffset = 0, Func<int, bool>? peers = null) : IPruner
{
    public int MinResource { get; } = minResource;

    public int ReductionFactor { get; } = reductionFactor;

    public int BracketOffset { get; } = bracketOffset;

    public bool IsRung(int step)
    {
        for (long rung = (long)MinResource * (long)Math.Pow(ReductionFactor, BracketOffset); rung <= step; rung *= ReductionFactor)
            if (rung == step) return true;
        return false;
    }

    public string? Check(int trial, int step, double value, CurveBoard board)
    {
        if (!IsRung(step)) return null;
        if (!double.IsFinite(value)) return $"pruned at epoch {step}: the validation metric is not a number";
        var competitors = board.ValuesAt(step, trial, peers);
        if (competitors.Count < ReductionFactor) return null;
        competitors.Add(value);
        var ordered = higherIsBetter ? competitors.OrderByDescending(v => v).ToList() : competitors.OrderBy(v => v).ToList();
        var keep = competitors.Count / ReductionFactor;
        var threshold = ordered[keep - 1];
        var promoted = higherIsBetter ? value >= threshold : value <= threshold;
        return promoted
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"pruned at epoch {step}: value {value:G4} is outside the top {keep} of {competitors.Count} trials at this rung (threshold {threshold:G4})");
    }
}
