using Tuner.Trainers.Training;
using Tuner.Search;
using Tuner.Study;
using Tuner.Trainers.Data;

namespace Tuner.Search;

/// <summary>
/// Chooses the study's search space: the --space file or the built-in one, checked against the registered trainers
/// and their parameters for the task, restricted by --trainers.
/// </summary>
internal static class SpaceSelection
{
    public static SearchSpace Select(string? spacePath, IReadOnlyList<string> trainers, TaskKind task)
    {
        var space = spacePath is null ? BuiltInSpaces.For(task) : ReadFile(spacePath);
        SearchSpaceValidator.Validate(space, task, spacePath ?? $"built-in {task.ToString().ToLowerInvariant()}");

        if (trainers.Count == 0) return space;
        foreach (var name in trainers.Where(n => !TrainerRegistry.KnownFamilies.Contains(n) && !TrainerRegistry.IsKnown(n)))
            throw new UserInputException($"--trainers names '{name}', which is not a trainer family; choose from {string.Join(", ", TrainerRegistry.KnownFamilies)}.");
        var kept = space.Trainers.Where(t => trainers.Contains(t.Trainer) || trainers.Contains(TrainerRegistry.FamilyOf(t.Trainer))).ToList();
        if (kept.Count == 0)
            throw new UserInputException(
                $"None of --trainers {string.Join(",", trainers)} is in the {task.ToString().ToLowerInvariant()} search space; available: {string.Join(", ", space.Trainers.Select(t => TrainerRegistry.FamilyOf(t.Trainer)).Distinct())}.");
        return space with { Trainers = kept };
    }

    /// <summary>The space a stored study searches: its space JSON, restricted to the trainers it kept.</summary>
    public static SearchSpace FromStudy(StudyConfig config)
    {
        var space = SearchSpaceReader.Parse(config.SearchSpace, "the study's stored search space");
        return space with { Trainers = space.Trainers.Where(t => config.Trainers.Contains(t.Trainer)).ToList() };
    }

    private static SearchSpace ReadFile(string path) =>
        File.Exists(path)
            ? SearchSpaceReader.Parse(File.ReadAllText(path), path)
            : throw new UserInputException($"Search space file '{path}' does not exist; check the path passed to --space.");
}
