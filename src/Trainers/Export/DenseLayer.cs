namespace Tuner.Trainers.Export;

/// <summary>Adds y = x·Wᵀ + b as MatMul + Add, from weights stored row-major [out × in] as our models keep them.</summary>
internal static class DenseLayer
{
    public static string Add(OnnxGraphBuilder graph, string input, float[] weights, float[] bias, int inputs, int outputs, string prefix, string output)
    {
        if (weights.Length != inputs * outputs || bias.Length != outputs)
            throw new ArgumentException($"Layer '{prefix}' weights or bias do not match {inputs} inputs and {outputs} outputs.");
        var transposed = new float[weights.Length];
        for (int o = 0; o < outputs; o++)
            for (int i = 0; i < inputs; i++)
                transposed[i * outputs + o] = weights[o * inputs + i];
        var w = graph.AddInitializer(prefix + "_weights", [inputs, outputs], transposed);
        var b = graph.AddInitializer(prefix + "_bias", [outputs], bias);
        var product = graph.AddNode("MatMul", prefix + "_matmul", input, w);
        return graph.AddNode("Add", output, product, b);
    }
}
