namespace Tuner.Trainers.Export.Proto;

/// <summary>The ONNX TensorProto.DataType values this exporter writes.</summary>
internal enum OnnxElementType
{
    Float = 1,
    Int64 = 7,
    String = 8,
    Bool = 9,
}
