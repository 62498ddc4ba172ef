namespace Tuner.Trainers.Export.Proto;

/// <summary>One operator of the default ONNX domain; attributes are integers (all this exporter needs).</summary>
internal sealed record OnnxNode(string OpType, string[] Inputs, string Output, IReadOnlyDictionary<string, long>? IntAttributes = null);
