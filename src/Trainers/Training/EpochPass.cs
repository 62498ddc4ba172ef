using System.Runtime.CompilerServices;
using Tuner.Trainers.Data;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Optimizers;
using Tuner.Trainers.Regularizers;

namespace Tuner.Trainers.Training;

/// <summary>
/// One pass over the training rows in the order of a permutation, in mini-batches: the hot loop of
/// <see cref="MiniBatchLoop"/>. Buffers are allocated once per run; nothing is allocated per row or batch.
/// </summary>
internal sealed class EpochPass(
    IGradientModel model,
    LabeledData training,
    ILoss loss,
    float[]? classWeights,
    IOptimizer optimizer,
    GradientClipper clipper,
    L2Regularizer l2,
    L1CumulativePenalty l1,
    int batchSize)
{
    private readonly ParameterLayout _layout = model.Layout;
    private readonly float[] _gradient = new float[model.Layout.Count];

    /// <summary>Sum over rows of the class-weighted loss, measured before each row's batch update.</summary>
    public double LossSum { get; private set; }

    /// <summary>Sum over batches of the global gradient norm (before clipping, without penalty).</summary>
    public double NormSum { get; private set; }

    public int Batches { get; private set; }

    /// <summary>Per layer, the sum over batches of the layer's gradient norm.</summary>
    public double[] LayerNormSums { get; } = new double[model.Layout.Layers.Count];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(float[] weights, int[] permutation, double rate, CancellationToken cancellationToken)
    {
        Array.Clear(LayerNormSums);
        double lossSum = 0, normSum = 0;
        int batches = 0;
        var features = training.Features;
        var labels = training.Labels;
        var gradient = _gradient;
        for (int start = 0; start < permutation.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(start + batchSize, permutation.Length);
            float scale = 1f / (end - start);
            Array.Clear(gradient);
            for (int i = start; i < end; i++)
            {
                if (i + RowPrefetcher.Distance < permutation.Length)
                {
                    int ahead = permutation[i + RowPrefetcher.Distance];
                    RowPrefetcher.Prefetch(features.Row(ahead));
                    RowPrefetcher.PrefetchElement(labels, ahead);
                }
                int row = permutation[i];
                float label = labels[row];
                float rowWeight = classWeights is null ? 1f : classWeights[(int)label];
                double rowLoss = model.AccumulateGradient(weights, features.Row(row), label, rowWeight * scale, loss, gradient);
                lossSum += rowWeight * rowLoss;
            }

            double norm = LayerNorms(gradient);
            normSum += norm;
            batches++;
            clipper.Apply(gradient, norm);
            l2.AddGradient(weights, gradient, _layout);
            optimizer.Step(weights, gradient, (float)rate);
            l1.Apply(weights, rate);
        }

        LossSum = lossSum;
        NormSum = normSum;
        Batches = batches;
    }

    private double LayerNorms(ReadOnlySpan<float> gradient)
    {
        double total = 0;
        var layers = _layout.Layers;
        for (int l = 0; l < layers.Count; l++)
        {
            var slice = layers[l];
            double squares = VectorKernels.SumOfSquares(gradient.Slice(slice.Offset, slice.Length));
            LayerNormSums[l] += Math.Sqrt(squares);
            total += squares;
        }

        return Math.Sqrt(total);
    }
}
