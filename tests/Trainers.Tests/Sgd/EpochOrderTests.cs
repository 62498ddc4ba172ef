using Tuner.Trainers.Training;

namespace Tuner.Trainers.Tests.Sgd;

public sealed class EpochOrderTests
{
    [Theory]
    [InlineData(100, 10)]     // smaller than a block: a full shuffle
    [InlineData(5_000, 100)]  // several blocks, the last one partial
    public void Every_row_is_visited_once_per_epoch_and_epochs_differ(int rows, int columns)
    {
        var random = new Random(1);
        var first = new int[rows];
        var second = new int[rows];

        EpochOrder.Shuffle(first, random, columns);
        EpochOrder.Shuffle(second, random, columns);

        Assert.Equal(Enumerable.Range(0, rows), first.Order());
        Assert.Equal(Enumerable.Range(0, rows), second.Order());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Rows_stay_inside_their_block_and_blocks_come_in_random_order()
    {
        const int columns = 100;
        var blockRows = EpochOrder.BlockRows(columns);
        var permutation = new int[blockRows * 6 + 7];

        EpochOrder.Shuffle(permutation, new Random(3), columns);

        var blockSequence = permutation.Select(r => r / blockRows).Distinct().ToList();
        Assert.Equal(7, blockSequence.Count);
        Assert.NotEqual(Enumerable.Range(0, 7), blockSequence); // not in file order (for this seed)
        // Each block's rows form one contiguous run of the visit order, shuffled inside.
        var runs = 1;
        for (var i = 1; i < permutation.Length; i++)
            if (permutation[i] / blockRows != permutation[i - 1] / blockRows) runs++;
        Assert.Equal(7, runs);
        Assert.NotEqual(Enumerable.Range(0, blockRows), permutation.Where(r => r < blockRows));
    }
}
