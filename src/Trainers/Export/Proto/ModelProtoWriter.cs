namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8.</summary>
internal static class ModelProtoWriter
{
    // IR version 8, opset 13 and ai.onnx.ml 2 (LabelEncoder with int64 keys) are old enough for every ONNX
    // Runtime that ML.NET's ApplyOnnxModel ships with.
    public const long IrVersion = 8;
    public const long Opset = 13;
    public const string MlDomain = "ai.onnx.ml";
    public const long MlOpset = 2;

    public static byte[] Write(byte[] graph) => ProtoBytes.Of(output =>
    {
        output.WriteInt64(1, IrVersion);
        output.WriteString(2, "Tuner");
        output.WriteLengthDelimited(7, graph);
        output.WriteLengthDelimited(8, OperatorSetIdProtoWriter.Write("", Opset));
        output.WriteLengthDelimited(8, OperatorSetIdProtoWriter.Write(MlDomain, MlOpset));
    });
}
