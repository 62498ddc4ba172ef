using System.Text.Json;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>Hyper-parameters and metrics as JSON objects of numbers and strings.</summary>
internal static class ParameterJson
{
    public static string Write(HyperParameters parameters) => JsonSerializer.Serialize(parameters.Values);

    public static HyperParameters Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new HyperParameters(document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, object>(
            p.Name, p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : p.Value.GetString() ?? "")));
    }
}
