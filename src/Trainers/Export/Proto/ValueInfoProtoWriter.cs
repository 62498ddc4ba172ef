namespace Tuner.Trainers.Export.Proto;

/// <summary>
/// ONNX ValueInfoProto (name = 1, type = 2) with its TypeProto (tensor_type = 1), TypeProto.Tensor
/// (elem_type = 1, shape = 2), TensorShapeProto (dim = 1) and Dimension (dim_value = 1, dim_param = 2).
/// </summary>
internal static class ValueInfoProtoWriter
{
    public const string BatchDim = "N";
    private const int FloatElementType = 1;

    public static byte[] Write(OnnxValueInfo value)
    {
        var shape = ProtoBytes.Of(output =>
        {
            foreach (var dim in value.Dims) output.WriteLengthDelimited(1, Dimension(dim));
        });
        var tensorType = ProtoBytes.Of(output =>
        {
            output.WriteInt32(1, FloatElementType);
            output.WriteLengthDelimited(2, shape);
        });
        var type = ProtoBytes.Of(output => output.WriteLengthDelimited(1, tensorType));
        return ProtoBytes.Of(output =>
        {
            output.WriteString(1, value.Name);
            output.WriteLengthDelimited(2, type);
        });
    }

    private static byte[] Dimension(long? dim) => ProtoBytes.Of(output =>
    {
        if (dim is { } size) output.WriteInt64(1, size);
        else output.WriteString(2, BatchDim);
    });
}
