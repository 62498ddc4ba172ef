using Tuner.Trainers.Kernels;

namespace Trainers.Tests.Kernels;

public sealed class KernelTests
{
    public static TheoryData<int> Lengths() => new() { 0, 1, 7, 8, 31, 100, 1027 };

    private static float[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Dot_matches_scalar_reference(int n)
    {
        var x = Random(n, 1);
        var y = Random(n, 2);
        Assert.Equal(ScalarKernels.Dot(x, y), VectorKernels.Dot(x, y), 1e-4 * Math.Max(1, n));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Axpy_matches_scalar_reference(int n)
    {
        var x = Random(n, 3);
        var expected = Random(n, 4);
        var actual = (float[])expected.Clone();
        ScalarKernels.Axpy(-0.37f, x, expected);
        VectorKernels.Axpy(-0.37f, x, actual);
        for (int i = 0; i < n; i++) Assert.Equal(expected[i], actual[i], 1e-6);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Scale_and_sum_of_squares_match_scalar_reference(int n)
    {
        var expected = Random(n, 5);
        var actual = (float[])expected.Clone();
        ScalarKernels.Scale(1.7f, expected);
        VectorKernels.Scale(1.7f, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(ScalarKernels.SumOfSquares(expected), VectorKernels.SumOfSquares(actual), 1e-4 * Math.Max(1, n));
    }

    [Fact]
    public void All_finite_detects_nan_and_infinity()
    {
        var x = Random(50, 6);
        Assert.True(VectorKernels.AllFinite(x) && ScalarKernels.AllFinite(x));
        x[33] = float.NaN;
        Assert.False(VectorKernels.AllFinite(x) || ScalarKernels.AllFinite(x));
        x[33] = float.NegativeInfinity;
        Assert.False(VectorKernels.AllFinite(x) || ScalarKernels.AllFinite(x));
    }
}
