namespace Tuner.Trainers.Training;

/// <summary>
/// The order in which an epoch visits the training rows: a seeded blocked shuffle. Rows are grouped into
/// contiguous blocks of about <see cref="BlockBytes"/>; each epoch visits the blocks in a random order and
/// the rows inside each block in a random order. Reads then stay inside a cache-sized window instead of
/// jumping across the whole matrix, which on this hardware is what limits a fully random shuffle (the loop
/// waits on memory, not arithmetic; see benchmarks/). Mini-batches still differ every epoch. Because rows
/// of one block always travel together, the matrix must not be sorted by label: the tuner materialises
/// training rows in a seeded random order (Tuner.Data.DataPreparation), and data smaller than one block
/// gets a plain full shuffle.
/// </summary>
internal static class EpochOrder
{
    public const int BlockBytes = 256 * 1024;

    public static int BlockRows(int columns) => Math.Max(1, BlockBytes / Math.Max(1, columns * sizeof(float)));

    public static void Shuffle(int[] permutation, Random random, int columns)
    {
        var rows = permutation.Length;
        var blockRows = BlockRows(columns);
        if (rows <= blockRows)
        {
            for (var i = 0; i < rows; i++) permutation[i] = i;
            random.Shuffle(permutation);
            return;
        }

        var blocks = new int[(rows + blockRows - 1) / blockRows];
        for (var b = 0; b < blocks.Length; b++) blocks[b] = b;
        random.Shuffle(blocks);
        var next = 0;
        foreach (var block in blocks)
        {
            int start = block * blockRows, end = Math.Min(rows, start + blockRows);
            for (var row = start; row < end; row++) permutation[next + row - start] = row;
            random.Shuffle(permutation.AsSpan(next, end - start));
            next += end - start;
        }
    }
}
