using Tuner.Trainers.Components;

namespace Tuner.Trainers.Schedules;

/// <summary>
/// One-cycle (Smith 2018, cosine form as in PyTorch's OneCycleLR): over the first
/// U = max(1, round(0.3·T)) epochs the rate rises from lr0/25 to lr0 along a half cosine, then falls along a
/// half cosine to lr0/(25·10⁴) at the last epoch T−1.
/// </summary>
internal sealed class OneCycleSchedule : ILearningRateSchedule
{
    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("one_cycle", "up from lr0/25 to lr0 over 30% of the epochs, then down to lr0/(25·10⁴)", [], (lr0, epochs, _) => new OneCycleSchedule(lr0, epochs));

    public const double DivFactor = 25, FinalDivFactor = 1e4, RisingShare = 0.3;

    private readonly double _initial;
    private readonly int _epochs, _rising;

    public OneCycleSchedule(double initial, int epochs)
    {
        _initial = initial;
        _epochs = Math.Max(1, epochs);
        _rising = Math.Max(1, (int)Math.Round(RisingShare * _epochs));
    }

    public double LearningRate(int epoch)
    {
        double low = _initial / DivFactor, final = low / FinalDivFactor;
        if (epoch < _rising)
            return Anneal(low, _initial, (double)epoch / _rising);
        int falling = _epochs - 1 - _rising;
        return falling <= 0 ? _initial : Anneal(_initial, final, Math.Min(1.0, (double)(epoch - _rising) / falling));
    }

    public void Observe(double validationLoss) { }

    private static double Anneal(double from, double to, double fraction) =>
        to + (from - to) * (1 + Math.Cos(Math.PI * fraction)) / 2;
}
