using Tuner.Search.Grid;
using Tuner.Study;
using Tuner.Trainers.Components;
using Tuner.Trainers.Training;

namespace Tuner.Search;

/// <summary>
/// Grid search over every trainer of the space (see <see cref="TrainerGrid"/> for the points and
/// <see cref="GridValues"/> for the values of each parameter). The whole grid is visited in one shuffled order
/// fixed by the seed, so a time budget that ends early still covers the space evenly; each proposal is the
/// first point in that order whose configuration is not in the history (trials that were only stopped
/// count as not run); the trial number plays no part. Defaults are not proposed as baselines: they are not grid points, and a grid is
/// its own comparison. When every point has been run, <see cref="IsExhausted"/> is true and
/// <see cref="Propose"/> throws.
/// </summary>
public sealed class GridSampler : ISampler, IFiniteSampler
{
    internal static ComponentEntry<SamplerCreator> Entry { get; } =
        new("grid", "every grid point once, in a seeded shuffled order", [], (_, context) => new GridSampler(context.Space, context.Seed));

    private readonly IReadOnlyList<TrainerGrid> grids;
    private readonly IndexPermutation order;

    public GridSampler(SearchSpace space, int seed, int floatSteps = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(floatSteps, 1);
        grids = space.Trainers.Select(t => new TrainerGrid(t, floatSteps)).ToList();
        try
        {
            Size = grids.Aggregate(0L, (sum, g) => checked(sum + g.Count));
        }
        catch (OverflowException)
        {
            throw new ArgumentException("The grid has more than 2^63 points; use fewer steps or a smaller space.", nameof(space));
        }

        order = new IndexPermutation(Size, seed);
    }

    /// <summary>The number of points in the grid.</summary>
    public long Size { get; }

    public TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history) =>
        FirstNotRun(history) ?? throw new InvalidOperationException("grid exhausted");

    public bool IsExhausted(IReadOnlyList<TrialRecord> history) => FirstNotRun(history) is null;

    /// <summary>The grid point at a position of the shuffled order.</summary>
    public TrialProposal At(long position)
    {
        var index = order[position];
        foreach (var grid in grids)
        {
            if (index < grid.Count) return new TrialProposal(grid.Trainer, new HyperParameters(grid.Point(index)), IsBaseline: false);
            index -= grid.Count;
        }

        throw new InvalidOperationException("A permuted index fell outside the grid.");
    }

    // Points already run are the ones met first, so this visits at most one more point than the history holds.
    private TrialProposal? FirstNotRun(IReadOnlyList<TrialRecord> history)
    {
        var seen = history.Where(t => !t.IsRetryable).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        for (long position = 0; position < Size; position++)
        {
            var proposal = At(position);
            if (!seen.Contains(proposal.Key)) return proposal;
        }

        return null;
    }
}
