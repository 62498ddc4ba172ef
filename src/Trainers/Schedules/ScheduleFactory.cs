using Tuner.Trainers.Training;

namespace Tuner.Trainers.Schedules;

/// <summary>Builds the schedule named by the <c>schedule</c> hyper-parameter, with warmup when asked.</summary>
public static class ScheduleFactory
{
    public static readonly IReadOnlyList<string> Names =
        ["constant", "inverse_time", "step", "exponential", "cosine", "one_cycle", "plateau"];

    public static ILearningRateSchedule Create(HyperParameters parameters, int epochs)
    {
        double lr0 = parameters.GetDouble(ParameterNames.LearningRate, 0.01);
        if (!(lr0 > 0) || double.IsInfinity(lr0))
            throw new ArgumentException($"learning_rate must be a positive number, got {lr0}.");
        int warmup = parameters.GetInt(ParameterNames.WarmupEpochs, 0);
        if (warmup < 0) throw new ArgumentException($"warmup_epochs must be ≥ 0, got {warmup}.");
        int remaining = Math.Max(1, epochs - warmup);
        string name = parameters.GetString(ParameterNames.Schedule, "constant").Trim().ToLowerInvariant();
        ILearningRateSchedule inner = name switch
        {
            "constant" => new ConstantSchedule(lr0),
            "inverse_time" => new InverseTimeSchedule(lr0, parameters.GetDouble(ParameterNames.LearningRateDecay, 0.1)),
            "step" => new StepSchedule(lr0, parameters.GetInt(ParameterNames.StepSize, 10), parameters.GetDouble(ParameterNames.StepGamma, 0.5)),
            "exponential" => new ExponentialSchedule(lr0, parameters.GetDouble(ParameterNames.ExponentialGamma, 0.9)),
            "cosine" => new CosineSchedule(lr0, remaining, parameters.GetInt(ParameterNames.CosineRestartEpochs, 0),
                parameters.GetDouble(ParameterNames.MinLearningRate, 0)),
            "one_cycle" => new OneCycleSchedule(lr0, remaining),
            "plateau" => new PlateauSchedule(lr0, parameters.GetDouble(ParameterNames.PlateauFactor, 0.1),
                parameters.GetInt(ParameterNames.PlateauPatience, 2)),
            _ => throw new ArgumentException($"Unknown schedule '{name}'; use one of: {string.Join(", ", Names)}."),
        };
        return warmup > 0 ? new WarmupSchedule(lr0, warmup, inner) : inner;
    }
}
