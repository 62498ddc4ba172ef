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
        var finite = history.Where(IsScored).Select(t => Loss(t.Value!.Value, higherIsBetter)).ToList();
        var liar = finite.Count > 0 ? finite.Max() : double.PositiveInfinity;

        var observations = new List<(TpeObservation Observation, int Number)>();
        foreach (var trial in history)
        {
            double? loss = trial.State switch
            {
                TrialState.Complete when IsScored(trial) => Loss(trial.Value!.Value, higherIsBetter),
                TrialState.Pruned or TrialState.Diverged => double.PositiveInfinity,
                TrialState.Running => liar,
                _ => null,
            };
            if (loss is { } l)
                observations.Add((new TpeObservation(trial.Trainer, trial.Parameters, l), trial.Number));
        }

        // Ties (equal losses, all the pruned ones) are broken by trial number so the split is reproducible.
        var ranked = observations.OrderBy(o => o.Observation.Loss).ThenBy(o => o.Number).Select(o => o.Observation).ToList();
        var goodCount = GoodCount(ranked.Count);
        return new TpeSplit(ranked.Take(goodCount).ToList(), ranked.Skip(goodCount).ToList());
    }

    /// <summary>gamma(n) = min(ceil(0.1 n), 25).</summary>
    public static int GoodCount(int n) => Math.Min((int)Math.Ceiling(0.1 * n), MaxGood);

    private static bool IsScored(TrialRecord t) => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v);

    private static double Loss(double value, bool higherIsBetter) => higherIsBetter ? -value : value;
}
