using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>
/// Reduce-on-plateau: starts at lr0; after each epoch it observes the validation loss, and when the loss has
/// not improved on its best by more than a relative 1e-4 for more than <c>patience</c> epochs in a row, the
/// rate is multiplied by <c>factor</c> and the count restarts. NaN losses count as no improvement.
/// </summary>
internal sealed class PlateauSchedule(double initial, double factor, int patience) : ILearningRateSchedule
{
    public static readonly ParameterInfo FactorParameter =
        ParameterInfo.Float(ParameterNames.PlateauFactor, 0.1, "plateau: factor applied when the validation loss stalls", min: 0, max: 1, minExclusive: true, maxExclusive: true);

    public static readonly ParameterInfo PatienceParameter =
        ParameterInfo.Int(ParameterNames.PlateauPatience, 2, "plateau: epochs without improvement tolerated before reducing", min: 0);

    public static ComponentEntry<ScheduleCreator> Entry { get; } =
        new("plateau", "lr0, reduced when the validation loss stalls", [FactorParameter, PatienceParameter],
            (lr0, _, p) => new PlateauSchedule(lr0, FactorParameter.ReadDouble(p), PatienceParameter.ReadInt(p)));

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
