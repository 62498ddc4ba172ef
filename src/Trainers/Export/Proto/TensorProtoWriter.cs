using System.Buffers.Binary;

namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian).</summary>
internal static class TensorProtoWriter
{
    public static byte[] Write(OnnxTensor tensor)
    {
        if (tensor.Dims.Aggregate(1L, (product, d) => product * d) != tensor.Count)
            throw new ArgumentException($"Tensor '{tensor.Name}' has {tensor.Count} values, not the product of its dims.");
        byte[] raw;
        if (tensor.Int64s is { } longs)
        {
            raw = new byte[longs.Length * sizeof(long)];
            for (int i = 0; i < longs.Length; i++)
                BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * sizeof(long)), longs[i]);
        }
        else
        {
            raw = new byte[tensor.Values.Length * sizeof(float)];
            for (int i = 0; i < tensor.Values.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), tensor.Values[i]);
        }

        return ProtoBytes.Of(output =>
        {
            foreach (var dim in tensor.Dims) output.WriteInt64(1, dim);
            output.WriteInt32(2, (int)(tensor.Int64s is null ? OnnxElementType.Float : OnnxElementType.Int64));
            output.WriteString(8, tensor.Name);
            output.WriteLengthDelimited(9, raw);
        });
    }
}
