using System.Runtime.CompilerServices;
using Tuner.Trainers.Data;
using Tuner.Trainers.Export;
using Tuner.Trainers.Kernels;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Sgd;

/// <summary>
/// A trained linear model: score_k = Σ_j Weights[k·FeatureCount + j]·x_j + Bias[k] for k &lt; OutputCount
/// (one output for binary and regression, one per class for multiclass), then <see cref="Link"/>.
/// For ONNX export: Weights is row-major [OutputCount × FeatureCount] (transpose it for MatMul with
/// [rows × features] input), then Add Bias, then Sigmoid (binary, after the <see cref="Calibration"/>'s
/// A·s+B) / Softmax / Exp / nothing.
/// </summary>
internal sealed class LinearModel : IOnnxScoring
{
    public LinearModel(TaskKind task, int featureCount, int outputCount, float[] weights, float[] bias, OutputLink link,
        PlattCalibration? calibration = null)
    {
        if (weights.Length != featureCount * outputCount || bias.Length != outputCount)
            throw new ArgumentException("Weights or bias do not match the feature and output counts.");
        Task = task;
        FeatureCount = featureCount;
        OutputCount = outputCount;
        Weights = weights;
        Bias = bias;
        Link = link;
        Calibration = calibration ?? PlattCalibration.Identity;
    }

    public TaskKind Task { get; }

    public int FeatureCount { get; }

    public int OutputCount { get; }

    /// <summary>Row-major [OutputCount × FeatureCount].</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public OutputLink Link { get; }

    public PlattCalibration Calibration { get; }

    public int OutputWidth => OutputCount;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Scores(FeatureMatrix features)
    {
        if (features.Columns != FeatureCount)
            throw new ArgumentException($"The model expects {FeatureCount} features, got {features.Columns}.");
        var scores = new double[features.Rows * OutputCount];
        for (int r = 0; r < features.Rows; r++)
        {
            var x = features.Row(r);
            for (int k = 0; k < OutputCount; k++)
                scores[r * OutputCount + k] = VectorKernels.Dot(Weights.AsSpan(k * FeatureCount, FeatureCount), x) + Bias[k];
        }

        return scores;
    }

    public Predictions Predict(FeatureMatrix features) => ScoredPredictions.From(Task, Link, Calibration, Scores(features), OutputCount);

    public string AddScoreNodes(OnnxGraphBuilder graph, string features, int featureCount)
    {
        ScoreGraph.RequireFeatures(FeatureCount, featureCount);
        return DenseLayer.Add(graph, features, Weights, Bias, FeatureCount, OutputCount, "linear", OnnxNames.Score);
    }
}
