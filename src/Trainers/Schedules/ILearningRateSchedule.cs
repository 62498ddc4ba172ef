namespace Tuner.Trainers.Schedules;

/// <summary>
/// A learning-rate schedule. t counts epochs, 0-based: the rate is fixed for the whole epoch and is what
/// the epoch's <c>EpochRecord.LearningRate</c> reports. Stateful schedules (plateau) learn from
/// <see cref="Observe"/>, which the trainer calls with each epoch's validation loss after that epoch.
/// </summary>
internal interface ILearningRateSchedule
{
    double LearningRate(int epoch);

    void Observe(double validationLoss);
}
