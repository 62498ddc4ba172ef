namespace Tuner.Trainers.Schedules;

/// <summary>
/// Reduce-on-plateau: starts at lr0; after each epoch it observes the validation loss, and when the loss has
/// not improved on its best by more than a relative 1e-4 for more than <c>patience</c> epochs in a row, the
/// rate is multiplied by <c>factor</c> and the count restarts. NaN losses count as no improvement.
/// </summary>
public sealed class PlateauSchedule(double initial, double factor, int patience) : ILearningRateSchedule
{
    public const double RelativeThreshold = 1e-4;

    private double _rate = initial;
    private double _best = double.PositiveInfinity;
    private int _badEpochs;

    public double LearningRate(int epoch) => _rate;

    public void Observe(double validationLoss)
    {
        if (validationLoss < _best - RelativeThreshold * Math.Abs(_best) || double.IsPositiveInfinity(_best) && !double.IsNaN(validationLoss))
        {
            _best = validationLoss;
            _badEpochs = 0;
            return;
        }

        if (++_badEpochs > patience)
        {
            _rate *= factor;
            _badEpochs = 0;
        }
    }
}
