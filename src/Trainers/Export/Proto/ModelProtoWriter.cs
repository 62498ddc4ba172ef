namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8.</summary>
internal static class ModelProtoWriter
{
    // IR version 8 and opset 13 are old enough for every ONNX Runtime that ML.NET's ApplyOnnxModel ships with.
    public const long IrVersion = 8;
    public const long Opset = 13;

    public static byte[] Write(byte[] graph) => ProtoBytes.Of(output =>
    {
        output.WriteInt64(1, IrVersion);
        output.WriteString(2, "Tuner");
        output.WriteLengthDelimited(7, graph);
        output.WriteLengthDelimited(8, OperatorSetIdProtoWriter.WriteDefaultDomain(Opset));
    });
}
