using Tuner.Study;
using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>
/// Decides, after each epoch of a trial, whether it is hopeless. Returns null to go on, or the reason
/// to stop it (kept as the pruned trial's message). Values are the validation ranking metric.
/// </summary>
public interface IPruner
{
    string? Check(int trial, int step, double value, CurveBoard board);
}

/// <summary>Never prunes.</summary>
public sealed class NoPruner : IPruner
{
    internal static ComponentEntry<PrunerCreator> Entry { get; } = new("none", "never stops a trial early", [], (_, _) => new NoPruner());

    public string? Check(int trial, int step, double value, CurveBoard board) => null;
}
