namespace Tuner.Trainers.Export.Proto;

/// <summary>A named constant of the graph (an initializer), row-major: float values, or int64 ones when <see cref="Int64s"/> is set.</summary>
internal sealed record OnnxTensor(string Name, long[] Dims, float[] Values, long[]? Int64s = null)
{
    public int Count => Int64s?.Length ?? Values.Length;
}
