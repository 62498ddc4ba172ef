namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX AttributeProto holding one int: name = 1, i = 3, type = 20 (AttributeType.INT = 2).</summary>
internal static class AttributeProtoWriter
{
    private const int IntType = 2;

    public static byte[] WriteInt(string name, long value) => ProtoBytes.Of(output =>
    {
        output.WriteString(1, name);
        output.WriteInt64(3, value);
        output.WriteInt32(20, IntType);
    });
}
