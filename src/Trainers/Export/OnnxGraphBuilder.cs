using Tuner.Trainers.Export.Proto;

namespace Tuner.Trainers.Export;

/// <summary>Collects the nodes, initializers, input and outputs of one graph, then writes the model bytes.</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];

    public string AddInput(string name, params long?[] dims)
    {
        _inputs.Add(new OnnxValueInfo(name, dims));
        return name;
    }

    public void AddOutput(string name, params long?[] dims) => _outputs.Add(new OnnxValueInfo(name, dims));

    public string AddInitializer(string name, long[] dims, float[] values)
    {
        _initializers.Add(new OnnxTensor(name, dims, values));
        return name;
    }

    public string AddNode(string opType, string output, params string[] inputs) => AddNode(opType, output, inputs, null);

    public string AddNode(string opType, string output, string[] inputs, IReadOnlyDictionary<string, long>? attributes)
    {
        _nodes.Add(new OnnxNode(opType, inputs, output, attributes));
        return output;
    }

    public byte[] ToModelBytes(string graphName) =>
        ModelProtoWriter.Write(GraphProtoWriter.Write(graphName, _nodes, _initializers, _inputs, _outputs));
}
