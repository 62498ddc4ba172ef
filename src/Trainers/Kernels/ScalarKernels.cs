namespace Tuner.Trainers.Kernels;

/// <summary>The plain scalar reference implementations of <see cref="VectorKernels"/>.</summary>
internal static class ScalarKernels
{
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Spans differ in length.");
        float sum = 0;
        for (int i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("Spans differ in length.");
        for (int i = 0; i < x.Length; i++) y[i] += alpha * x[i];
    }

    public static void Scale(float alpha, Span<float> x)
    {
        for (int i = 0; i < x.Length; i++) x[i] *= alpha;
    }

    public static float SumOfSquares(ReadOnlySpan<float> x) => Dot(x, x);

    public static bool AllFinite(ReadOnlySpan<float> x)
    {
        foreach (var v in x)
            if (!float.IsFinite(v)) return false;
        return true;
    }
}
