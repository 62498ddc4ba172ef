namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX OperatorSetIdProto: domain = 1 (omitted: the default ai.onnx domain), version = 2.</summary>
internal static class OperatorSetIdProtoWriter
{
    public static byte[] WriteDefaultDomain(long version) => ProtoBytes.Of(output => output.WriteInt64(2, version));
}
