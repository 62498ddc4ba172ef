using Tuner.Trainers.Training;

namespace Reports.Tests.Diagnosis;

/// <summary>Synthetic learning curves from formulas of the 1-based epoch e.</summary>
public static class Curves
{
    public static IReadOnlyList<EpochRecord> Make(
        int epochs,
        Func<int, double> training,
        Func<int, double> validation,
        Func<int, double>? gradient = null,
        Func<int, double[]>? layers = null,
        Func<int, double>? metric = null) =>
        Enumerable.Range(1, epochs)
            .Select(e => new EpochRecord(e, training(e), validation(e), metric?.Invoke(e) ?? 0.5, 0.01,
                gradient?.Invoke(e) ?? 1.0, 10.0, layers?.Invoke(e) ?? []))
            .ToArray();

    /// <summary>Explicit values, one per epoch.</summary>
    public static IReadOnlyList<EpochRecord> Of(double[] training, double[] validation) =>
        Make(training.Length, e => training[e - 1], e => validation[e - 1]);

    /// <summary>Converges to 0.2 (training) and 0.23 (validation) well before epoch 30.</summary>
    public static IReadOnlyList<EpochRecord> GoodFit(Func<int, double[]>? layers = null) =>
        Make(30, e => 0.2 + 0.8 * Math.Exp(-0.5 * e), e => 0.23 + 0.8 * Math.Exp(-0.5 * e), layers: layers);

    /// <summary>Training loss 1/(1+0.3e); validation adds a U-shape 0.002·(e−14)² after epoch 14.</summary>
    public static IReadOnlyList<EpochRecord> Overfitting(Func<int, double[]>? layers = null) =>
        Make(30, e => 1 / (1 + 0.3 * e), e => 1 / (1 + 0.3 * e) + 0.002 * Math.Pow(Math.Max(0, e - 14), 2), layers: layers);

    /// <summary>Both losses still fall about 5% per epoch at epoch 10.</summary>
    public static IReadOnlyList<EpochRecord> StillFalling() =>
        Make(10, e => Math.Exp(-0.05 * e), e => 1.05 * Math.Exp(-0.05 * e));

    /// <summary>Validation loss alternates 0.5 / 0.7 while training loss falls.</summary>
    public static IReadOnlyList<EpochRecord> Oscillating() =>
        Make(20, e => 1 / (1 + 0.1 * e), e => e % 2 == 0 ? 0.7 : 0.5);

    public static int BestEpoch(IReadOnlyList<EpochRecord> curve) => curve.MinBy(r => r.ValidationLoss)!.Epoch;
}
