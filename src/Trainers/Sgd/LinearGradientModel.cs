using System.Runtime.CompilerServices;
using Tuner.Trainers.Data;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Sgd;

/// <summary>
/// The linear model as the training loop sees it: parameters [W (outputs × features, row-major) | b (outputs)],
/// initialised to zero. Per row: one vectorised dot per output, then one vectorised axpy per output whose
/// loss derivative is non-zero.
/// </summary>
internal sealed class LinearGradientModel : IGradientModel
{
    private readonly TaskKind _task;
    private readonly int _features, _outputs;
    private readonly double[] _scores, _derivatives;

    public LinearGradientModel(TaskKind task, int features, int outputs)
    {
        _task = task;
        _features = features;
        _outputs = outputs;
        _scores = new double[outputs];
        _derivatives = new double[outputs];
        Layout = ParameterLayout.Sequential([(features * outputs, outputs)]);
    }

    public ParameterLayout Layout { get; }

    public void Initialize(Span<float> parameters, Random random) => parameters.Clear();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double AccumulateGradient(ReadOnlySpan<float> parameters, ReadOnlySpan<float> features, float label, float scale, ILoss loss, Span<float> gradient)
    {
        int biasOffset = _features * _outputs;
        if (_outputs == 1 && loss is ScalarLoss scalar)
        {
            double score = VectorKernels.Dot(parameters[.._features], features) + parameters[biasOffset];
            double loss1 = scalar.ValueAndDerivative(score, label, out double derivative);
            if (derivative != 0)
            {
                float step1 = (float)(derivative * scale);
                VectorKernels.Axpy(step1, features, gradient[.._features]);
                gradient[biasOffset] += step1;
            }

            return loss1;
        }

        for (int k = 0; k < _outputs; k++)
            _scores[k] = VectorKernels.Dot(parameters.Slice(k * _features, _features), features) + parameters[biasOffset + k];
        double value = loss.ValueAndGradient(_scores, label, _derivatives);
        for (int k = 0; k < _outputs; k++)
        {
            double d = _derivatives[k];
            if (d == 0) continue;
            float step = (float)(d * scale);
            VectorKernels.Axpy(step, features, gradient.Slice(k * _features, _features));
            gradient[biasOffset + k] += step;
        }

        return value;
    }

    public IScoringModel CreateModel(ReadOnlySpan<float> parameters, OutputLink link, PlattCalibration calibration)
    {
        int biasOffset = _features * _outputs;
        return new LinearModel(_task, _features, _outputs, parameters[..biasOffset].ToArray(), parameters[biasOffset..].ToArray(), link, calibration);
    }
}
