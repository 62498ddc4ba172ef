using System.Text.Json;

namespace Tuner.Search;

/// <summary>
/// Reads a search-space JSON document:
/// <code>
/// { "trainers": { "lightgbm": {
///     "trees":        { "type": "int", "low": 10, "high": 500, "log": true },
///     "learning_rate":{ "type": "float", "low": 0.01, "high": 0.5, "log": true },
///     "loss":         { "type": "categorical", "choices": ["huber", "squared"] },
///     "huber_delta":  { "type": "float", "low": 0.1, "high": 10, "when": { "loss": ["huber"] } },
///     "epochs":       { "value": 20 } } },
///   "starts": { "lightgbm": [ { "trees": 300, "learning_rate": 0.05, "loss": "squared" } ] } }
/// </code>
/// A "when" parent must be declared before its child. "starts" is optional (<see cref="StartReader"/>). Errors name the offending entry. What trainers and
/// parameters exist, and what values each takes, is checked once the task is known (<see cref="SearchSpaceValidator"/>).
/// </summary>
public static class SearchSpaceReader
{
    public static SearchSpace Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new UserInputException($"Search space '{source}' is not valid JSON (line {e.LineNumber + 1}): {e.Message.Split('.')[0]}.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("trainers", out var trainers)
                || trainers.ValueKind != JsonValueKind.Object)
                throw Error(source, "trainers", "the file needs a \"trainers\" object mapping trainer names to their parameters");
            foreach (var entry in document.RootElement.EnumerateObject())
                if (entry.Name is not ("trainers" or "starts"))
                    throw Error(source, entry.Name, "unknown entry; the file holds \"trainers\" and, optionally, \"starts\"");

            var spaces = new List<TrainerSpace>();
            foreach (var trainer in trainers.EnumerateObject())
            {
                if (trainer.Value.ValueKind != JsonValueKind.Object)
                    throw Error(source, $"trainers.{trainer.Name}", "must be an object of parameters");
                var parameters = new List<ParameterSpec>();
                foreach (var parameter in trainer.Value.EnumerateObject())
                    parameters.Add(ReadParameter(parameter, $"trainers.{trainer.Name}.{parameter.Name}", parameters, source));
                spaces.Add(new TrainerSpace(trainer.Name, parameters));
            }

            if (spaces.Count == 0) throw Error(source, "trainers", "lists no trainer");
            return new SearchSpace(StartReader.AddStarts(document.RootElement, spaces, source), json);
        }
    }

    private static ParameterSpec ReadParameter(JsonProperty property, string path, List<ParameterSpec> earlier, string source)
    {
        var element = property.Value;
        if (element.ValueKind != JsonValueKind.Object)
            throw Error(source, path, "must be an object such as {\"type\": \"float\", \"low\": 0.001, \"high\": 1}");
        var when = ReadCondition(element, path, earlier, source);
        if (element.TryGetProperty("value", out var fixedValue))
            return new FixedParameter(property.Name, ReadScalar(fixedValue, path, source), when);

        var type = element.TryGetProperty("type", out var t) ? t.GetString() : null;
        var log = element.TryGetProperty("log", out var l) && l.ValueKind == JsonValueKind.True;
        switch (type)
        {
            case "float":
                var (low, high) = (Number(element, "low", path, source), Number(element, "high", path, source));
                CheckRange(low, high, log, path, source);
                return new FloatParameter(property.Name, low, high, log, when);
            case "int":
                var (lowInt, highInt) = (Whole(element, "low", path, source), Whole(element, "high", path, source));
                CheckRange(lowInt, highInt, log, path, source);
                return new IntParameter(property.Name, lowInt, highInt, log, when);
            case "categorical":
                if (!element.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
                    throw Error(source, path, "a categorical parameter needs a non-empty \"choices\" array");
                return new CategoricalParameter(property.Name, choices.EnumerateArray().Select(c => ReadScalar(c, path, source)).ToList(), when);
            default:
                throw Error(source, path, $"unknown type '{type}'; use \"float\", \"int\", \"categorical\", or give a fixed \"value\"");
        }
    }

    private static Condition? ReadCondition(JsonElement element, string path, List<ParameterSpec> earlier, string source)
    {
        if (!element.TryGetProperty("when", out var when)) return null;
        var parents = when.ValueKind == JsonValueKind.Object ? when.EnumerateObject().ToList() : [];
        if (parents.Count != 1)
            throw Error(source, path, "\"when\" must name exactly one parent, e.g. {\"loss\": [\"huber\"]}");
        var parent = parents[0];
        if (earlier.All(p => p.Name != parent.Name))
            throw Error(source, path, $"\"when\" refers to '{parent.Name}', which must be declared earlier in the same trainer");
        var values = parent.Value.ValueKind == JsonValueKind.Array
            ? parent.Value.EnumerateArray().Select(v => Condition.Format(ReadScalar(v, path, source))).ToList()
            : [Condition.Format(ReadScalar(parent.Value, path, source))];
        return new Condition(parent.Name, values);
    }

    internal static object ReadScalar(JsonElement element, string path, string source) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw Error(source, path, "values must be numbers, strings or booleans"),
    };

    private static double Number(JsonElement element, string name, string path, string source) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw Error(source, path, $"needs a numeric \"{name}\"");

    private static int Whole(JsonElement element, string name, string path, string source)
    {
        var value = Number(element, name, path, source);
        return value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Error(source, path, $"an int range needs whole numbers, but \"{name}\" is {value}");
    }

    private static void CheckRange(double low, double high, bool log, string path, string source)
    {
        if (!(low < high)) throw Error(source, path, $"\"low\" ({low}) must be less than \"high\" ({high})");
        if (log && low <= 0) throw Error(source, path, "a log-scale range needs \"low\" > 0");
    }

    internal static UserInputException Error(string source, string path, string problem) =>
        new($"Search space '{source}': {path}: {problem}.");
}
