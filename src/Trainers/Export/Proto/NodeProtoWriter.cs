namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5.</summary>
internal static class NodeProtoWriter
{
    public static byte[] Write(OnnxNode node) => ProtoBytes.Of(output =>
    {
        foreach (var input in node.Inputs) output.WriteString(1, input);
        output.WriteString(2, node.Output);
        output.WriteString(3, node.Output); // output names are unique, so they name their nodes too
        output.WriteString(4, node.OpType);
        foreach (var (name, value) in node.IntAttributes ?? new Dictionary<string, long>())
            output.WriteLengthDelimited(5, AttributeProtoWriter.WriteInt(name, value));
    });
}
