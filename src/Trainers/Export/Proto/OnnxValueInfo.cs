namespace Tuner.Trainers.Export.Proto;

/// <summary>A graph input or output: a float tensor whose dims are numbers or, for null entries, the symbolic batch dim "N".</summary>
internal sealed record OnnxValueInfo(string Name, long?[] Dims);
