using System.Runtime.CompilerServices;
using Tuner.Trainers.Data;
using Tuner.Trainers.Export;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Mlp;

/// <summary>
/// A trained multi-layer perceptron. For ONNX export, layer l (0-based) computes
/// h_{l+1} = act(W_l·h_l + b_l) with <see cref="Weights"/>[l] row-major [LayerSizes[l+1] × LayerSizes[l]]
/// and <see cref="Biases"/>[l]; the last layer has no activation and is followed by <see cref="Link"/> (binary:
/// after the <see cref="Calibration"/>'s A·s+B).
/// </summary>
internal sealed class MlpModel : IOnnxScoring
{
    private readonly MlpNetwork _network;
    private readonly float[] _parameters;

    public MlpModel(TaskKind task, MlpNetwork network, float[] parameters, OutputLink link, PlattCalibration? calibration = null)
    {
        if (parameters.Length != network.Layout.Count) throw new ArgumentException("Parameter count does not match the network.");
        Task = task;
        _network = network;
        _parameters = parameters;
        Link = link;
        Calibration = calibration ?? PlattCalibration.Identity;
        Weights = network.Layout.Layers.Select(s => parameters.AsSpan(s.Offset, s.WeightCount).ToArray()).ToArray();
        Biases = network.Layout.Layers.Select(s => parameters.AsSpan(s.Offset + s.WeightCount, s.BiasCount).ToArray()).ToArray();
    }

    public TaskKind Task { get; }

    /// <summary>[inputs, hidden₁, …, outputs].</summary>
    public IReadOnlyList<int> LayerSizes => _network.LayerSizes;

    public Activation Activation => _network.Activation;

    /// <summary>Per layer, row-major [out × in]. Copies: changing them does not change the model.</summary>
    public IReadOnlyList<float[]> Weights { get; }

    public IReadOnlyList<float[]> Biases { get; }

    public OutputLink Link { get; }

    public PlattCalibration Calibration { get; }

    public int OutputWidth => _network.LayerSizes[^1];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Scores(FeatureMatrix features)
    {
        if (features.Columns != _network.LayerSizes[0])
            throw new ArgumentException($"The model expects {_network.LayerSizes[0]} features, got {features.Columns}.");
        int width = OutputWidth;
        var hidden = _network.CreateHiddenBuffers();
        var scores = new double[features.Rows * width];
        for (int r = 0; r < features.Rows; r++)
            _network.Forward(_parameters, features.Row(r), hidden, scores.AsSpan(r * width, width));
        return scores;
    }

    public Predictions Predict(FeatureMatrix features) => ScoredPredictions.From(Task, Link, Calibration, Scores(features), OutputWidth);

    public string AddScoreNodes(OnnxGraphBuilder graph, string features, int featureCount)
    {
        ScoreGraph.RequireFeatures(LayerSizes[0], featureCount);
        var activation = Activation switch
        {
            Activation.Relu => "Relu",
            Activation.Tanh => "Tanh",
            _ => throw new NotSupportedException($"Activation {Activation} has no ONNX export."),
        };
        var current = features;
        int last = Weights.Count - 1;
        for (int l = 0; l <= last; l++)
        {
            var prefix = $"layer{l}";
            var output = l == last ? OnnxNames.Score : prefix + "_linear";
            current = DenseLayer.Add(graph, current, Weights[l], Biases[l], LayerSizes[l], LayerSizes[l + 1], prefix, output);
            if (l < last) current = graph.AddNode(activation, $"{prefix}_{activation.ToLowerInvariant()}", current);
        }

        return current;
    }
}
