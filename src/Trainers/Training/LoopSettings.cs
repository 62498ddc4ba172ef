namespace Tuner.Trainers.Training;

/// <summary>The loop-level hyper-parameters, read and checked once per run.</summary>
public sealed record LoopSettings(int Epochs, int BatchSize, int Seed, int EarlyStoppingPatience, double L1, double L2)
{
    public const int DefaultEpochs = 10;

    public static LoopSettings From(HyperParameters parameters, int rows)
    {
        int epochs = parameters.GetInt(ParameterNames.Epochs, DefaultEpochs);
        if (epochs < 1) throw new ArgumentException($"epochs must be ≥ 1, got {epochs}.");
        int batch = parameters.GetInt(ParameterNames.BatchSize, 32);
        if (batch < 1) throw new ArgumentException($"batch_size must be ≥ 1, got {batch}.");
        int patience = parameters.GetInt(ParameterNames.EarlyStoppingPatience, 0);
        if (patience < 0) throw new ArgumentException($"early_stopping_patience must be ≥ 0, got {patience}.");
        double l1 = parameters.GetDouble(ParameterNames.L1, 0), l2 = parameters.GetDouble(ParameterNames.L2, 0);
        if (!(l1 >= 0) || !(l2 >= 0)) throw new ArgumentException($"l1 and l2 must be ≥ 0, got l1={l1}, l2={l2}.");
        return new LoopSettings(epochs, Math.Min(batch, Math.Max(1, rows)), parameters.GetInt(ParameterNames.Seed, 0), patience, l1, l2);
    }
}
