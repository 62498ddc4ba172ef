using System.Globalization;
using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Losses;

/// <summary>
/// Per-class weights for classification losses (the <c>class_weights</c> hyper-parameter): each row's loss
/// and gradient are multiplied by its class's weight. <c>none</c> gives null (all 1); <c>balanced</c> gives
/// n / (classes · count_c) from the training labels (an absent class gets 1); a list "w0,w1,…" gives one
/// weight per class.
/// </summary>
internal static class ClassWeights
{
    /// <summary>Classification only: a regression trainer has no class weights.</summary>
    public static readonly ParameterInfo Parameter =
        ParameterInfo.Choice(ParameterNames.ClassWeights, "none", "per-class weights of each row's loss", ["none", "balanced"])
            .OrText(IsList, "a list \"w0,w1,…\" of non-negative weights, one per class");

    public static float[]? Create(HyperParameters parameters, LabeledData training)
    {
        string text = Parameter.ReadChoice(parameters);
        if (text is "none" or "") return null;
        if (training.Task == TaskKind.Regression)
            throw new ArgumentException("class_weights applies to classification only; remove it for a regression task.");
        int k = training.ClassCount;
        if (text == "balanced") return Balanced(training.Labels, k);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != k)
            throw new ArgumentException($"class_weights '{text}' gives {parts.Length} weights for {k} classes; give one per class, e.g. \"1,5\".");
        var weights = new float[k];
        for (int c = 0; c < k; c++)
        {
            if (!float.TryParse(parts[c], NumberStyles.Float, CultureInfo.InvariantCulture, out weights[c]) || !(weights[c] >= 0) || float.IsInfinity(weights[c]))
                throw new ArgumentException($"class_weights '{text}': '{parts[c]}' is not a non-negative number.");
        }

        return weights;
    }

    private static bool IsList(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries).All(part => float.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w >= 0 && float.IsFinite(w));

    public static float[] Balanced(ReadOnlySpan<float> labels, int classCount)
    {
        var counts = new long[classCount];
        foreach (var label in labels) counts[(int)label]++;
        var weights = new float[classCount];
        for (int c = 0; c < classCount; c++)
            weights[c] = counts[c] == 0 ? 1f : (float)((double)labels.Length / (classCount * counts[c]));
        return weights;
    }
}
