using Tuner.Data;

namespace Tuner.Tests.Data;

public sealed class MatrixMemoryTests
{
    private const long GiB = 1L << 30;

    [Fact]
    public void Data_whose_matrices_do_not_fit_is_refused_with_what_it_needs()
    {
        // 10M rows × 60 features × 4 bytes = 2.2 GiB, and half again for the trainers: 3.4 GiB.
        var error = Assert.Throws<UserInputException>(() => MatrixMemory.RequireRoom("big.csv", 10_000_000, 60, folds: 1, availableBytes: 2 * GiB));

        Assert.Contains("'big.csv' needs about 3.4 GiB", error.Message);
        Assert.Contains("2.0 GiB is available", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        MatrixMemory.RequireRoom("big.csv", 10_000_000, 60, folds: 1, availableBytes: 4 * GiB);
    }

    [Fact]
    public void Folds_multiply_the_matrices()
    {
        var error = Assert.Throws<UserInputException>(() => MatrixMemory.RequireRoom("d.csv", 10_000_000, 30, folds: 5, availableBytes: 4 * GiB));
        Assert.Contains("× 5 folds", error.Message);
        Assert.Contains("fewer --folds", error.Message);
    }
}
