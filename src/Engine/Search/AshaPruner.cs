using System.Globalization;
using Tuner.Study;
using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>
/// Asynchronous successive halving (Li et al. 2020, "ASHA") with epochs as the resource. Rungs sit at
/// epochs r·η^k (r = <see cref="MinResource"/>, η = <see cref="ReductionFactor"/>). A trial reaching a rung
/// goes on only if its value there is in the top 1/η of the values its trainer's trials recorded at that
/// rung so far. Until η other trials of the trainer have reached a rung (Optuna's bootstrap count, set to η),
/// "the top 1/η" is just "the best so far", and a trainer's first trials, which tell the sampler whether the
/// trainer is any good, were nearly all stopped after one epoch; so such a rung judges nobody, unless it is
/// <see cref="FewCompetitorsFrom"/> epochs or more in. There the curve has mostly taken its shape, and a trial
/// worse than every other trial of its trainer is stopped: that is where an expensive trainer's few trials are
/// (a boosted trial is first asked at 27 rounds), and on a time budget one slow hopeless trial took a quarter of it.
/// <see cref="BracketOffset"/> shifts the rungs and <c>peers</c> limits the competitors, which is how
/// Hyperband's brackets differ.
/// </summary>
public sealed class AshaPruner(bool higherIsBetter, int minResource = 1, int reductionFactor = 3, int bracketOffset = 0, Func<int, bool>? peers = null) : IPruner
{
    /// <summary>Shared with <see cref="HyperbandPruner"/>.</summary>
    internal static readonly ParameterInfo MinResourceSetting = ParameterInfo.Int("min-resource", 1, "epochs at the first rung", min: 1);

    internal static readonly ParameterInfo EtaSetting = ParameterInfo.Int("eta", 3, "η: rungs grow by it, and the top 1/η goes on", min: 2);

    internal static ComponentEntry<PrunerCreator> Entry { get; } = new(
        "asha", "asynchronous successive halving, the default", [MinResourceSetting, EtaSetting],
        (settings, higherIsBetter) => new AshaPruner(higherIsBetter, settings.Int(MinResourceSetting), settings.Int(EtaSetting)));

    public int MinResource { get; } = minResource;

    public int ReductionFactor { get; } = reductionFactor;

    public int BracketOffset { get; } = bracketOffset;

    /// <summary>The epochs (r·η³) from which a rung with fewer than η other trials judges: only a trial worse than all of them.</summary>
    public long FewCompetitorsFrom => (long)MinResource * ReductionFactor * ReductionFactor * ReductionFactor;

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
        var few = competitors.Count < ReductionFactor;
        if (competitors.Count == 0 || few && step < FewCompetitorsFrom) return null;
        // With few, the top "keep" are all of them: only a trial worse than every one is stopped.
        var keep = few ? competitors.Count : (competitors.Count + 1) / ReductionFactor;
        competitors.Add(value);
        // The threshold is the keep-th best value; the value reaches it exactly when fewer than keep are strictly better.
        // Counting them is one pass, where a study of thousands of trials sorted thousands of values at every rung.
        var better = 0;
        foreach (var v in competitors)
            if (higherIsBetter ? v > value : v < value)
                better++;
        if (better < keep) return null;
        var threshold = KthBest(competitors, keep - 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"pruned at epoch {step}: value {value:G4} is outside the top {keep} of {competitors.Count} trials at this rung (threshold {threshold:G4})");
    }

    /// <summary>
    /// The value at <paramref name="rank"/> (0 the best) of the values in stable best-first order, found by selection
    /// rather than sorting. The selection cannot tell 0 from -0 (they are equal), but a stable sort leaves them in
    /// their order, which decides the sign the threshold is printed with; so a zero is taken from that order.
    /// </summary>
    private double KthBest(List<double> values, int rank)
    {
        var copy = values.ToArray();
        var selected = Select(copy, higherIsBetter ? copy.Length - 1 - rank : rank);
        if (selected != 0) return selected;
        var before = values.Count(v => higherIsBetter ? v > 0 : v < 0);
        return values.Where(v => v == 0).ElementAt(rank - before);
    }

    /// <summary>The k-th smallest value (0-based) by quickselect; the values are finite.</summary>
    private static double Select(double[] values, int k)
    {
        var (low, high) = (0, values.Length - 1);
        while (low < high)
        {
            var pivot = values[low + (high - low) / 2];
            var (i, j) = (low, high);
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }

            if (k <= j) high = j;
            else if (k >= i) low = i;
            else return values[k];
        }

        return values[k];
    }
}
