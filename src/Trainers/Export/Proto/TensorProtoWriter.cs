using System.Buffers.Binary;

namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian IEEE 754).</summary>
internal static class TensorProtoWriter
{
    private const int FloatDataType = 1;

    public static byte[] Write(OnnxTensor tensor)
    {
        if (tensor.Dims.Aggregate(1L, (product, d) => product * d) != tensor.Values.Length)
            throw new ArgumentException($"Tensor '{tensor.Name}' has {tensor.Values.Length} values, not the product of its dims.");
        var raw = new byte[tensor.Values.Length * sizeof(float)];
        for (int i = 0; i < tensor.Values.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), tensor.Values[i]);
        return ProtoBytes.Of(output =>
        {
            foreach (var dim in tensor.Dims) output.WriteInt64(1, dim);
            output.WriteInt32(2, FloatDataType);
            output.WriteString(8, tensor.Name);
            output.WriteLengthDelimited(9, raw);
        });
    }
}
