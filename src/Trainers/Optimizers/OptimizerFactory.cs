using Tuner.Trainers.Training;

namespace Tuner.Trainers.Optimizers;

/// <summary>Builds the optimiser named by the <c>optimizer</c> hyper-parameter.</summary>
public static class OptimizerFactory
{
    public static readonly IReadOnlyList<string> Names = ["sgd", "momentum", "nesterov", "adam"];

    public static IOptimizer Create(HyperParameters parameters, int parameterCount)
    {
        string name = parameters.GetString(ParameterNames.Optimizer, "sgd").Trim().ToLowerInvariant();
        return name switch
        {
            "sgd" => new SgdOptimizer(),
            "momentum" => new MomentumOptimizer(parameterCount, parameters.GetDouble(ParameterNames.Momentum, 0.9), nesterov: false),
            "nesterov" => new MomentumOptimizer(parameterCount, parameters.GetDouble(ParameterNames.Momentum, 0.9), nesterov: true),
            "adam" => new AdamOptimizer(parameterCount, parameters.GetDouble(ParameterNames.AdamBeta1, 0.9), parameters.GetDouble(ParameterNames.AdamBeta2, 0.999)),
            _ => throw new ArgumentException($"Unknown optimizer '{name}'; use one of: {string.Join(", ", Names)}."),
        };
    }
}
