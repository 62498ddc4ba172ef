namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.</summary>
internal static class GraphProtoWriter
{
    public static byte[] Write(
        string name,
        IEnumerable<OnnxNode> nodes,
        IEnumerable<OnnxTensor> initializers,
        IEnumerable<OnnxValueInfo> inputs,
        IEnumerable<OnnxValueInfo> outputs) => ProtoBytes.Of(output =>
    {
        foreach (var node in nodes) output.WriteLengthDelimited(1, NodeProtoWriter.Write(node));
        output.WriteString(2, name);
        foreach (var tensor in initializers) output.WriteLengthDelimited(5, TensorProtoWriter.Write(tensor));
        foreach (var input in inputs) output.WriteLengthDelimited(11, ValueInfoProtoWriter.Write(input));
        foreach (var value in outputs) output.WriteLengthDelimited(12, ValueInfoProtoWriter.Write(value));
    });
}
