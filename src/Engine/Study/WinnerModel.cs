using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// The first fold's trained model of the best complete trial this process has run, so that model.zip, which is that
/// same fit (the same settings, seed and rows), need not train the winner again after the search: on a million rows
/// that fit alone took 40 s of a 150 s budget. A winner this process did not run (another worker's, an earlier run's)
/// or that the re-evaluation chose over the kept one is trained again, as before.
/// </summary>
internal sealed class WinnerModel(bool higherIsBetter)
{
    private readonly Lock _lock = new();
    private (int Trial, double Value, ITrainedModel Model)? _best;

    public void Offer(int trial, double value, ITrainedModel model)
    {
        lock (_lock)
            if (_best is not { } best || (higherIsBetter ? value > best.Value : value < best.Value))
                _best = (trial, value, model);
    }

    /// <summary>The kept model if it is <paramref name="trial"/>'s, else null.</summary>
    public ITrainedModel? Of(int trial)
    {
        lock (_lock) return _best is { } best && best.Trial == trial ? best.Model : null;
    }
}
