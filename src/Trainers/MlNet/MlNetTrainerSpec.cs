using Microsoft.ML;
using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// One ML.NET trainer the tuner can use: its name in search spaces, its family for --trainers, its task, the
/// parameters it reads, and how to build it from sampled hyper-parameters. A <paramref name="Boosted"/> trainer grows its trees in
/// rounds whose staged predictions give a learning curve (<see cref="BoostedTreeTrainer"/>); a
/// <paramref name="Forest"/> reports one over its trees after the fit (<see cref="ForestTreeTrainer"/>).
/// </summary>
internal sealed record MlNetTrainerSpec(
    string Name,
    string Family,
    TaskKind Task,
    IReadOnlyList<ParameterInfo> Parameters,
    Func<MLContext, HyperParameters, IEstimator<ITransformer>> Create,
    bool Boosted = false,
    bool Forest = false);
