using Tuner.Trainers.Data;

namespace Tuner.Search;

/// <summary>The default search space of each task, shipped as JSON in the same format as --space files.</summary>
internal static class BuiltInSpaces
{
    public static SearchSpace For(TaskKind task)
    {
        var name = task.ToString().ToLowerInvariant();
        using var stream = typeof(BuiltInSpaces).Assembly.GetManifestResourceStream($"Tuner.Spaces.{name}.json")
            ?? throw new InvalidOperationException($"The built-in {name} search space is missing from the build.");
        using var reader = new StreamReader(stream);
        return SearchSpaceReader.Parse(reader.ReadToEnd(), $"built-in {name}");
    }
}
