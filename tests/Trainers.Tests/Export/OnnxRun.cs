using Microsoft.ML.OnnxRuntime;
using Tuner.Trainers.Data;
using Tuner.Trainers.Metrics;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Export;

/// <summary>Runs exported ONNX bytes with ONNX Runtime and compares them with the model's own outputs.</summary>
internal static class OnnxRun
{
    public static Dictionary<string, (float[] Values, long[] Shape)> Run(byte[] model, FeatureMatrix features)
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(features.ToArray(), [features.Rows, features.Columns]);
        var outputNames = session.OutputNames.ToArray();
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["features"], [input], outputNames);
        return outputNames.Zip(outputs).ToDictionary(
            p => p.First,
            p => (p.Second.GetTensorDataAsSpan<float>().ToArray(), p.Second.GetTensorTypeAndShape().Shape));
    }

    /// <summary>Exports, runs and asserts the prediction and score outputs match within 1e-5 (relative above 1).</summary>
    public static void AssertMatches(ITrainedModel model, IScoringModel scoring, FeatureMatrix features, string predictionName)
    {
        var outputs = Run(Tuner.Trainers.Export.OnnxExporter.Export(model, features.Columns), features);
        Predictions expected = model.Predict(features);
        Assert.Equal(2, outputs.Count);
        AssertClose(expected.Values, outputs[predictionName], features.Rows, expected.Width);
        AssertClose(scoring.Scores(features), outputs["score"], features.Rows, scoring.OutputWidth);
    }

    private static void AssertClose(ReadOnlySpan<double> expected, (float[] Values, long[] Shape) actual, int rows, int width)
    {
        Assert.Equal([rows, width], actual.Shape);
        Assert.Equal(expected.Length, actual.Values.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-5 * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual.Values[i]) <= tolerance, $"element {i}: expected {expected[i]}, ONNX gave {actual.Values[i]}");
        }
    }
}
