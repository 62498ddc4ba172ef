namespace Tuner.Trainers.Export.Proto;

/// <summary>A named float constant of the graph (an initializer), row-major.</summary>
internal sealed record OnnxTensor(string Name, long[] Dims, float[] Values);
