using System.Numerics.Tensors;

namespace Tuner.Trainers.Kernels;

/// <summary>
/// Vectorised kernels for the hot loops, backed by <see cref="TensorPrimitives"/>. Each has a plain scalar
/// twin in <see cref="ScalarKernels"/> that the tests compare against. All are single-threaded and
/// deterministic: the same inputs on the same machine give bit-identical results.
/// </summary>
internal static class VectorKernels
{
    /// <summary>Σ x[i]·y[i].</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => TensorPrimitives.Dot(x, y);

    /// <summary>y[i] += alpha·x[i].</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) =>
        TensorPrimitives.MultiplyAdd(x, alpha, y, y);

    /// <summary>x[i] *= alpha.</summary>
    public static void Scale(float alpha, Span<float> x) => TensorPrimitives.Multiply(x, alpha, x);

    /// <summary>Σ x[i]², accumulated in float by the vectorised dot product.</summary>
    public static float SumOfSquares(ReadOnlySpan<float> x) => TensorPrimitives.Dot(x, x);

    /// <summary>True when every element is finite (no NaN, no ±∞).</summary>
    public static bool AllFinite(ReadOnlySpan<float> x) => float.IsFinite(TensorPrimitives.Sum(x) * 0f);
}
