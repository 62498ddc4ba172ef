namespace Tuner.Trainers.Export.Proto;

/// <summary>
/// ONNX AttributeProto: name = 1, i = 3, ints = 8, strings = 9, type = 20 (AttributeType INT = 2, INTS = 7,
/// STRINGS = 8).
/// </summary>
internal static class AttributeProtoWriter
{
    private const int IntType = 2, IntsType = 7, StringsType = 8;

    public static byte[] Write(OnnxAttribute attribute) => ProtoBytes.Of(output =>
    {
        output.WriteString(1, attribute.Name);
        if (attribute.Ints is { } ints)
        {
            foreach (var value in ints) output.WriteInt64(8, value);
            output.WriteInt32(20, IntsType);
        }
        else if (attribute.Strings is { } strings)
        {
            foreach (var value in strings) output.WriteString(9, value);
            output.WriteInt32(20, StringsType);
        }
        else
        {
            output.WriteInt64(3, attribute.Int);
            output.WriteInt32(20, IntType);
        }
    });
}
