namespace Tuner.Trainers.Export.Proto;

/// <summary>One operator; <see cref="Domain"/> is empty for the default ai.onnx domain.</summary>
internal sealed record OnnxNode(string OpType, string[] Inputs, string Output, IReadOnlyList<OnnxAttribute>? Attributes = null, string Domain = "");
