using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>
/// Cosine annealing (Loshchilov &amp; Hutter 2017): lr(t) = min + (lr0 − min)·(1 + cos(π·t_c/T_c))/2, where
/// without restarts T_c = the epoch count and t_c = t; with warm restarts every R epochs T_c = R and t_c = t mod R.
/// </summary>
internal sealed class CosineSchedule : ILearningRateSchedule
{
    public static readonly ParameterInfo RestartParameter =
        ParameterInfo.Int(ParameterNames.CosineRestartEpochs, 0, "cosine: period of warm restarts in epochs (0: none)", min: 0);

    public static readonly ParameterInfo MinimumParameter = ParameterInfo.Float(ParameterNames.MinLearningRate, 0, "cosine: the floor of the rate", min: 0);

    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("cosine", "cosine annealing to min_lr, with optional warm restarts", [RestartParameter, MinimumParameter],
            (lr0, epochs, p) => new CosineSchedule(lr0, epochs, RestartParameter.ReadInt(p), MinimumParameter.ReadDouble(p)));

    private readonly double _initial, _minimum;
    private readonly int _period;

    public CosineSchedule(double initial, int epochs, int restartEpochs, double minimum)
    {
        _initial = initial;
        _minimum = minimum;
        _period = Math.Max(1, restartEpochs > 0 ? restartEpochs : epochs);
    }

    public double LearningRate(int epoch)
    {
        int tc = epoch % _period;
        return _minimum + (_initial - _minimum) * (1 + Math.Cos(Math.PI * tc / _period)) / 2;
    }

    public void Observe(double validationLoss) { }
}
