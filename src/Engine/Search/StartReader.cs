using System.Text.Json;

namespace Tuner.Search;

/// <summary>
/// Reads a search-space file's "starts": for each trainer, configurations to try right after the baselines
/// (as Optuna's enqueue_trial and FLAML's points_to_evaluate do).
/// <code>
/// "starts": { "mlp": [ { "hidden_layers": 2, "hidden_size": 128, "optimizer": "adam", ... } ] }
/// </code>
/// Each start must be a point of its trainer's space: it gives every active searched parameter a value the entry
/// can produce, names no parameter that is undeclared or inactive under its other values, and takes fixed values
/// from the space.
/// </summary>
internal static class StartReader
{
    public static List<TrainerSpace> AddStarts(JsonElement root, List<TrainerSpace> spaces, string source)
    {
        if (!root.TryGetProperty("starts", out var starts)) return spaces;
        if (starts.ValueKind != JsonValueKind.Object)
            throw SearchSpaceReader.Error(source, "starts", "must map trainer names to lists of configurations, e.g. {\"mlp\": [{\"hidden_size\": 128}]}");

        var withStarts = new List<TrainerSpace>(spaces);
        foreach (var trainer in starts.EnumerateObject())
        {
            var path = $"starts.{trainer.Name}";
            var index = withStarts.FindIndex(t => t.Trainer == trainer.Name);
            if (index < 0)
                throw SearchSpaceReader.Error(source, path, $"'{trainer.Name}' is not under \"trainers\"; starts are points of a declared trainer's space");
            if (trainer.Value.ValueKind != JsonValueKind.Array)
                throw SearchSpaceReader.Error(source, path, "must be a list of configurations");
            var points = trainer.Value.EnumerateArray()
                .Select((start, i) => Point(withStarts[index], start, $"{path}[{i}]", source))
                .ToList();
            withStarts[index] = withStarts[index] with { Starts = points };
        }

        return withStarts;
    }

    private static Dictionary<string, object> Point(TrainerSpace space, JsonElement start, string path, string source)
    {
        if (start.ValueKind != JsonValueKind.Object)
            throw SearchSpaceReader.Error(source, path, "must be an object of parameter values");
        var given = start.EnumerateObject().ToDictionary(p => p.Name, p => SearchSpaceReader.ReadScalar(p.Value, $"{path}.{p.Name}", source), StringComparer.Ordinal);

        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in space.Parameters)
        {
            if (parameter.When is not null && !parameter.When.Holds(chosen)) continue;
            if (given.TryGetValue(parameter.Name, out var value))
            {
                if (parameter.Rejects(value) is { } problem) throw SearchSpaceReader.Error(source, $"{path}.{parameter.Name}", problem);
                chosen[parameter.Name] = value;
            }
            else if (parameter is FixedParameter fixedValue)
            {
                chosen[parameter.Name] = fixedValue.Value;
            }
            else
            {
                throw SearchSpaceReader.Error(source, path, $"gives no value for '{parameter.Name}', which the space searches; a start sets every searched parameter");
            }
        }

        foreach (var name in given.Keys.Where(n => !chosen.ContainsKey(n)))
        {
            var declared = space.Parameters.FirstOrDefault(p => p.Name == name);
            throw SearchSpaceReader.Error(source, $"{path}.{name}", declared?.When is { } when
                ? $"is not active in this start: it applies only when {when.Parent} is {string.Join(" or ", when.Values)}"
                : $"{space.Trainer} declares no parameter '{name}' under \"trainers\"");
        }

        return chosen;
    }
}
