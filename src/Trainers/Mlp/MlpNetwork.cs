using System.Runtime.CompilerServices;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Mlp;

/// <summary>
/// The architecture of a fully connected network: <see cref="LayerSizes"/> = [inputs, hidden₁, …, outputs].
/// Parameters sit in one flat vector, layer after layer, each layer as W [out × in] row-major then b [out];
/// hidden layers apply <see cref="Activation"/>, the output layer is linear (raw scores).
/// </summary>
internal sealed class MlpNetwork
{
    public MlpNetwork(IReadOnlyList<int> layerSizes, Activation activation)
    {
        if (layerSizes.Count < 2 || layerSizes.Any(s => s < 1))
            throw new ArgumentException("A network needs at least an input and an output layer, each of size ≥ 1.");
        LayerSizes = layerSizes.ToArray();
        Activation = activation;
        Layout = ParameterLayout.Sequential(Enumerable.Range(0, LayerSizes.Count - 1)
            .Select(l => (LayerSizes[l + 1] * LayerSizes[l], LayerSizes[l + 1])));
    }

    public IReadOnlyList<int> LayerSizes { get; }

    public Activation Activation { get; }

    public ParameterLayout Layout { get; }

    /// <summary>Number of weight layers (hidden layers + 1).</summary>
    public int LayerCount => LayerSizes.Count - 1;

    /// <summary>Buffers for the hidden activations of one row.</summary>
    public float[][] CreateHiddenBuffers() =>
        Enumerable.Range(1, LayerSizes.Count - 2).Select(l => new float[LayerSizes[l]]).ToArray();

    /// <summary>Runs one row forward: fills <paramref name="hidden"/> with post-activation values and writes the raw scores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, float[][] hidden, Span<double> scores)
    {
        ReadOnlySpan<float> input = x;
        for (int l = 0; l < LayerCount; l++)
        {
            var slice = Layout.Layers[l];
            int inSize = LayerSizes[l], outSize = LayerSizes[l + 1];
            var w = parameters.Slice(slice.Offset, slice.WeightCount);
            var b = parameters.Slice(slice.Offset + slice.WeightCount, slice.BiasCount);
            bool output = l == LayerCount - 1;
            for (int j = 0; j < outSize; j++)
            {
                float z = VectorKernels.Dot(w.Slice(j * inSize, inSize), input) + b[j];
                if (output) scores[j] = z;
                else hidden[l][j] = Activate(z);
            }

            if (!output) input = hidden[l];
        }
    }

    public float Activate(float z) => Activation == Activation.Relu ? MathF.Max(0, z) : MathF.Tanh(z);

    /// <summary>The activation's derivative expressed through its output a.</summary>
    public float DerivativeFromOutput(float a) => Activation == Activation.Relu ? (a > 0 ? 1 : 0) : 1 - a * a;
}
