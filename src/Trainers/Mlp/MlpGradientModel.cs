using System.Runtime.CompilerServices;
using Tuner.Trainers.Data;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Mlp;

/// <summary>
/// Back-propagation for <see cref="MlpNetwork"/>, one row at a time with preallocated buffers (the batch
/// gradient is the scaled sum of row gradients, all taken at the same parameters).
/// Initialisation (biases zero): he — normal(0, √(2/fan_in)); xavier — uniform ±√(6/(fan_in+fan_out));
/// uniform — uniform ±init_scale.
/// </summary>
internal sealed class MlpGradientModel : IGradientModel
{
    private readonly TaskKind _task;
    private readonly MlpNetwork _network;
    private readonly string _init;
    private readonly double _initScale;
    private readonly float[][] _hidden;
    private readonly float[][] _deltas;
    private readonly double[] _scores, _scoreGradient;

    public MlpGradientModel(TaskKind task, MlpNetwork network, string init, double initScale)
    {
        _task = task;
        _network = network;
        _init = init.Trim().ToLowerInvariant();
        if (_init is not ("he" or "xavier" or "uniform")) throw new ArgumentException($"Unknown init '{init}'; use he, xavier or uniform.");
        if (_init == "uniform" && !(initScale > 0)) throw new ArgumentException($"init_scale must be > 0, got {initScale}.");
        _initScale = initScale;
        _hidden = network.CreateHiddenBuffers();
        _deltas = network.LayerSizes.Skip(1).Select(s => new float[s]).ToArray();
        _scores = new double[network.LayerSizes[^1]];
        _scoreGradient = new double[network.LayerSizes[^1]];
    }

    public ParameterLayout Layout => _network.Layout;

    public MlpNetwork Network => _network;

    public void Initialize(Span<float> parameters, Random random)
    {
        parameters.Clear();
        for (int l = 0; l < _network.LayerCount; l++)
        {
            int fanIn = _network.LayerSizes[l], fanOut = _network.LayerSizes[l + 1];
            var w = parameters.Slice(_network.Layout.Layers[l].Offset, _network.Layout.Layers[l].WeightCount);
            double he = Math.Sqrt(2.0 / fanIn), xavier = Math.Sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = _init switch
                {
                    "he" => (float)(he * Gaussian(random)),
                    "xavier" => (float)(xavier * (2 * random.NextDouble() - 1)),
                    _ => (float)(_initScale * (2 * random.NextDouble() - 1)),
                };
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double AccumulateGradient(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, float label, float scale, ILoss loss, Span<float> gradient)
    {
        _network.Forward(parameters, features, _hidden, _scores);
        double value = loss.ValueAndGradient(_scores, label, _scoreGradient);
        var top = _deltas[^1];
        for (int k = 0; k < top.Length; k++) top[k] = (float)_scoreGradient[k];

        for (int l = _network.LayerCount - 1; l >= 0; l--)
        {
            var slice = _network.Layout.Layers[l];
            int inSize = _network.LayerSizes[l], outSize = _network.LayerSizes[l + 1];
            ReadOnlySpan<float> input = l == 0 ? features : _hidden[l - 1];
            var delta = _deltas[l];
            var w = parameters.Slice(slice.Offset, slice.WeightCount);
            var gw = gradient.Slice(slice.Offset, slice.WeightCount);
            var gb = gradient.Slice(slice.Offset + slice.WeightCount, slice.BiasCount);
            Span<float> below = l == 0 ? default : _deltas[l - 1];
            below.Clear();
            for (int j = 0; j < outSize; j++)
            {
                float d = delta[j];
                if (d == 0) continue;
                VectorKernels.Axpy(d * scale, input, gw.Slice(j * inSize, inSize));
                gb[j] += d * scale;
                if (l > 0) VectorKernels.Axpy(d, w.Slice(j * inSize, inSize), below);
            }

            if (l > 0)
            {
                var a = _hidden[l - 1];
                for (int i = 0; i < below.Length; i++) below[i] *= _network.DerivativeFromOutput(a[i]);
            }
        }

        return value;
    }

    public IScoringModel CreateModel(ReadOnlySpan<float> parameters, OutputLink link, PlattCalibration calibration) =>
        new MlpModel(_task, _network, parameters.ToArray(), link, calibration);

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
