using System.IO.Compression;
using System.Text.Json;
using Tuner.Trainers.Production;

namespace Tuner.Export;

/// <summary>
/// What a model.zip needs besides the pipeline to turn scores into answers: the task, the label column,
/// the class names in index order (binary: negative, positive), and the featurization (each column's encoding
/// and the cell format), so `tuner predict` reads a CSV's cells as the study did. Stored as an extra entry inside
/// the zip, which ML.NET's loader ignores. <see cref="Onnx"/> says the model is one of ours, whose layers run as an
/// ONNX graph: it needs the ONNX packages.
/// </summary>
internal sealed record ModelLabels(string Task, string Label, IReadOnlyList<string> Classes, string Trainer, FeaturizationPlan Featurization, bool Onnx = false)
{
    public const string EntryName = "tuner/labels.json";

    public void AddTo(string zipPath)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(EntryName)?.Delete();
        using var stream = zip.CreateEntry(EntryName).Open();
        JsonSerializer.Serialize(stream, this, TunedSettings.JsonOptions);
    }

    public static ModelLabels? ReadFrom(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry(EntryName);
        if (entry is null) return null;
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelLabels>(stream, TunedSettings.JsonOptions);
    }
}
