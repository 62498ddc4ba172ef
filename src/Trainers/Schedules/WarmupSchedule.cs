namespace Tuner.Trainers.Schedules;

/// <summary>
/// Linear warmup in front of another schedule: for t &lt; W the rate is lr0·(t+1)/(W+1); from t = W on it is
/// inner(t − W), so the inner schedule starts at its own epoch 0 (and was built for T − W epochs).
/// </summary>
internal sealed class WarmupSchedule(double initial, int warmupEpochs, ILearningRateSchedule inner) : ILearningRateSchedule
{
    public double LearningRate(int epoch) =>
        epoch < warmupEpochs ? initial * (epoch + 1) / (warmupEpochs + 1) : inner.LearningRate(epoch - warmupEpochs);

    public void Observe(double validationLoss) => inner.Observe(validationLoss);
}
