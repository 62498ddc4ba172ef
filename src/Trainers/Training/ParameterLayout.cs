namespace Tuner.Trainers.Training;

/// <summary>One layer's block inside a flat parameter vector: <c>WeightCount</c> weights, then <c>BiasCount</c> biases.</summary>
internal readonly record struct LayerSlice(int Offset, int WeightCount, int BiasCount)
{
    public int Length => WeightCount + BiasCount;
}

/// <summary>
/// How a model's parameters sit in one flat float vector, layer after layer. Regularisation applies to the
/// weights only, never to biases; per-layer gradient norms cover a layer's weights and biases.
/// </summary>
internal sealed class ParameterLayout
{
    public ParameterLayout(IReadOnlyList<LayerSlice> layers)
    {
        Layers = layers;
        Count = layers.Count == 0 ? 0 : layers[^1].Offset + layers[^1].Length;
    }

    public IReadOnlyList<LayerSlice> Layers { get; }

    public int Count { get; }

    public static ParameterLayout Sequential(IEnumerable<(int Weights, int Biases)> layers)
    {
        var slices = new List<LayerSlice>();
        int offset = 0;
        foreach (var (w, b) in layers)
        {
            slices.Add(new LayerSlice(offset, w, b));
            offset += w + b;
        }

        return new ParameterLayout(slices);
    }
}
