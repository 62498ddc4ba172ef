using Tuner.Study;
using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>
/// Hyperband (Li et al. 2018) over ASHA: several brackets whose first rung sits at r, r·η, r·η², … epochs,
/// trading how early trials are judged against how many are judged. Trials are spread over the brackets
/// by trial number, and each bracket only compares its own trials.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    internal static readonly ParameterInfo BracketsSetting = ParameterInfo.Int("brackets", 3, "brackets, each with its first rung η times later", min: 1);

    internal static ComponentEntry<PrunerCreator> Entry { get; } = new(
        "hyperband", "Hyperband: brackets of ASHA that judge trials at different epochs", [AshaPruner.MinResourceSetting, AshaPruner.EtaSetting, BracketsSetting],
        (settings, higherIsBetter) => new HyperbandPruner(higherIsBetter, settings.Int(AshaPruner.MinResourceSetting), settings.Int(AshaPruner.EtaSetting), settings.Int(BracketsSetting)));

    private readonly AshaPruner[] _brackets;

    public HyperbandPruner(bool higherIsBetter, int minResource = 1, int reductionFactor = 3, int brackets = 3) =>
        _brackets = Enumerable.Range(0, brackets)
            .Select(b => new AshaPruner(higherIsBetter, minResource, reductionFactor, b, peers: t => t % brackets == b))
            .ToArray();

    public string? Check(int trial, int step, double value, CurveBoard board) =>
        _brackets[trial % _brackets.Length].Check(trial, step, value, board);
}
