namespace Tuner.Trainers.Schedules;

/// <summary>
/// Cosine annealing (Loshchilov &amp; Hutter 2017): lr(t) = min + (lr0 − min)·(1 + cos(π·t_c/T_c))/2, where
/// without restarts T_c = the epoch count and t_c = t; with warm restarts every R epochs T_c = R and t_c = t mod R.
/// </summary>
public sealed class CosineSchedule : ILearningRateSchedule
{
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
