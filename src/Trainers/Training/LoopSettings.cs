using Tuner.Trainers.Components;

namespace Tuner.Trainers.Training;

/// <summary>The loop-level hyper-parameters, read and checked once per run.</summary>
internal sealed record LoopSettings(int Epochs, int BatchSize, int Seed, int EarlyStoppingPatience, double L1, double L2)
{
    public const int DefaultEpochs = 10;

    public static readonly ParameterInfo EpochsParameter = ParameterInfo.Int(ParameterNames.Epochs, DefaultEpochs, "passes over the training rows", min: 1);

    public static readonly ParameterInfo BatchSizeParameter =
        ParameterInfo.Int(ParameterNames.BatchSize, 32, "rows per gradient step (clamped to the row count)", min: 1);

    public static readonly ParameterInfo SeedParameter =
        ParameterInfo.Int(ParameterNames.Seed, 0, "seeds the initial weights and every epoch's shuffle (the study sets it per trial unless the space does)");

    public static readonly ParameterInfo PatienceParameter =
        ParameterInfo.Int(ParameterNames.EarlyStoppingPatience, 0, "epochs without validation-loss improvement before stopping at the best epoch (0: off)", min: 0);

    public static readonly ParameterInfo L1Parameter =
        ParameterInfo.Float(ParameterNames.L1, 0, "L1 strength (cumulative-penalty truncated gradient)", min: 0);

    public static readonly ParameterInfo L2Parameter =
        ParameterInfo.Float(ParameterNames.L2, 0, "L2 strength: ½·l2·‖w‖², as weight decay", min: 0);

    public static IReadOnlyList<ParameterInfo> Parameters { get; } =
        [EpochsParameter, BatchSizeParameter, SeedParameter, PatienceParameter, L1Parameter, L2Parameter];

    public static LoopSettings From(HyperParameters parameters, int rows)
    {
        int batch = BatchSizeParameter.ReadInt(parameters);
        return new LoopSettings(EpochsParameter.ReadInt(parameters), Math.Min(batch, Math.Max(1, rows)), SeedParameter.ReadInt(parameters),
            PatienceParameter.ReadInt(parameters), L1Parameter.ReadDouble(parameters), L2Parameter.ReadDouble(parameters));
    }
}
