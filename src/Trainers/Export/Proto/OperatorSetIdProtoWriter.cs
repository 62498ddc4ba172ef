namespace Tuner.Trainers.Export.Proto;

/// <summary>ONNX OperatorSetIdProto: domain = 1 (omitted for the default ai.onnx domain), version = 2.</summary>
internal static class OperatorSetIdProtoWriter
{
    public static byte[] Write(string domain, long version) => ProtoBytes.Of(output =>
    {
        if (domain.Length > 0) output.WriteString(1, domain);
        output.WriteInt64(2, version);
    });
}
