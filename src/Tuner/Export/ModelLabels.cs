using System.IO.Compression;
using System.Text.Json;

namespace Tuner.Export;

/// <summary>
/// What a model.zip needs besides the pipeline to turn scores into answers: the task, the label column and
/// the class names in index order (binary: negative, positive). Stored as an extra entry inside the zip,
/// which ML.NET's loader ignores. <see cref="Onnx"/> says the model is one of ours run as an ONNX graph: it needs
/// the ONNX packages, and its Score, Probability and PredictedLabel columns are one-slot vectors where ML.NET's are
/// scalars (multiclass Score is a vector either way).
/// </summary>
public sealed record ModelLabels(string Task, string Label, IReadOnlyList<string> Classes, string Trainer, bool Onnx = false)
{
    public const string EntryName = "tuner/labels.json";

    public void AddTo(string zipPath)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        zip.GetEntry(EntryName)?.Delete();
        using var stream = zip.CreateEntry(EntryName).Open();
        JsonSerializer.Serialize(stream, this);
    }

    public static ModelLabels? ReadFrom(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry(EntryName);
        if (entry is null) return null;
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelLabels>(stream);
    }
}
