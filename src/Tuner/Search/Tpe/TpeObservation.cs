using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Search.Tpe;

/// <summary>One trial as the model sees it: its configuration and a loss where lower is better.</summary>
internal sealed record TpeObservation(string Trainer, HyperParameters Parameters, double Loss);

/// <summary>The study's history split into the good (best gamma(n)) and bad observations.</summary>
internal sealed record TpeSplit(IReadOnlyList<TpeObservation> Good, IReadOnlyList<TpeObservation> Bad)
{
    private const int MaxGood = 25;

    /// <summary>
    /// Complete trials with a finite value are observations. Pruned and diverged trials are worse than any
    /// complete one, so they enter with an infinite loss and land among the bad. Running trials (other
    /// workers) enter with a constant liar: the worst finite loss seen so far, so the model treats their
    /// region as already explored-and-mediocre and parallel proposals spread out. Failed trials say nothing
    /// about the objective and are ignored.
    /// </summary>
    public static TpeSplit From(IReadOnlyList<TrialRecord> history, bool higherIsBetter)
    {
        // The worst finite loss, as Enumerable.Max finds it (the first of equal ones); none: infinite.
        var liar = double.NaN;
        foreach (var trial in history)
        {
            if (!IsScored(trial)) continue;
            var loss = Loss(trial.Value!.Value, higherIsBetter);
            if (double.IsNaN(liar) || loss > liar) liar = loss;
        }

        if (double.IsNaN(liar)) liar = double.PositiveInfinity;

        var observations = new List<TpeObservation>(history.Count);
        var order = new List<UInt128>(history.Count);
        var worst = new List<UInt128>(); // infinite losses: pruned and diverged trials, often most of them
        var byNumber = true;
        var lastNumber = int.MinValue;
        foreach (var trial in history)
        {
            double? loss = trial.State switch
            {
                TrialState.Complete when IsScored(trial) => Loss(trial.Value!.Value, higherIsBetter),
                TrialState.Pruned or TrialState.Diverged => double.PositiveInfinity,
                TrialState.Running => liar,
                _ => null,
            };
            if (loss is not { } l) continue;
            (double.IsPositiveInfinity(l) ? worst : order).Add(SortKey(l, trial.Number, observations.Count));
            observations.Add(new TpeObservation(trial.Trainer, trial.Parameters, l));
            byNumber &= trial.Number >= lastNumber;
            lastNumber = trial.Number;
        }

        // Ties (equal losses, all the pruned ones) are broken by trial number so the split is reproducible, and then by
        // the order in the history, as a stable sort would. The infinite losses come last, and in a history ordered by
        // number (the runner's) they already are in that order.
        order.Sort();
        if (!byNumber) worst.Sort();
        order.AddRange(worst);
        var goodCount = GoodCount(order.Count);
        var good = new TpeObservation[goodCount];
        var bad = new TpeObservation[order.Count - goodCount];
        for (var i = 0; i < order.Count; i++)
        {
            var observation = observations[(int)(uint)order[i]];
            if (i < goodCount) good[i] = observation;
            else bad[i - goodCount] = observation;
        }

        return new TpeSplit(good, bad);
    }

    /// <summary>
    /// Orders by loss, then trial number, then position, as one integer (sorting a few thousand of them per proposal
    /// is several times cheaper than comparing tuples): the loss's bits turned so that unsigned order is numeric order
    /// (-0 taken as 0, which it equals; losses are never NaN), the number offset to unsigned, the position.
    /// </summary>
    private static UInt128 SortKey(double loss, int number, int position)
    {
        var bits = BitConverter.DoubleToUInt64Bits(loss == 0 ? 0.0 : loss);
        var ordered = (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
        return new UInt128(ordered, (ulong)(uint)(number ^ int.MinValue) << 32 | (uint)position);
    }

    /// <summary>gamma(n) = min(ceil(0.1 n), 25).</summary>
    public static int GoodCount(int n) => Math.Min((int)Math.Ceiling(0.1 * n), MaxGood);

    private static bool IsScored(TrialRecord t) => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v);

    private static double Loss(double value, bool higherIsBetter) => higherIsBetter ? -value : value;
}
