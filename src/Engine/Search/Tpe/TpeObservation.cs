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
    /// about the objective and are ignored. (Computed by <see cref="HistoryIndex.Split"/>, which the sampler uses.)
    /// </summary>
    public static TpeSplit From(IReadOnlyList<TrialRecord> history, bool higherIsBetter)
    {
        var index = new HistoryIndex(null);
        index.Update(history, higherIsBetter);
        return index.ToSplit(index.Split());
    }

    /// <summary>gamma(n) = min(ceil(0.1 n), 25).</summary>
    public static int GoodCount(int n) => Math.Min((int)Math.Ceiling(0.1 * n), MaxGood);
}
