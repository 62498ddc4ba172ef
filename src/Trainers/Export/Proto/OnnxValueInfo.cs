namespace Tuner.Trainers.Export.Proto;

/// <summary>
/// A graph input or output: a tensor whose dims are numbers or, for null entries, the symbolic batch dim "N".
/// No dims at all declares a scalar (rank 0).
/// </summary>
internal sealed record OnnxValueInfo(string Name, long?[] Dims, OnnxElementType ElementType = OnnxElementType.Float);
