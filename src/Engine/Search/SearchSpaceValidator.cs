using System.Globalization;
using Tuner.Data;
using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Search;

/// <summary>
/// Checks a search space against the registered trainers and their parameters for a task, before the first trial:
/// an unknown trainer or parameter (with the closest names), a trainer that does not do the task, a choice, fixed
/// value or range the parameter does not take, a float range for an integer parameter, a "when" value its parent
/// never takes. Each mistake is one line naming the file, the entry and what is allowed.
/// </summary>
internal static class SearchSpaceValidator
{
    public static void Validate(SearchSpace space, TaskKind task, string source)
    {
        var taskName = task.ToString().ToLowerInvariant();
        foreach (var trainer in space.Trainers)
        {
            var path = $"trainers.{trainer.Trainer}";
            var entry = TrainerRegistry.Find(trainer.Trainer)
                ?? throw Error(source, path, $"unknown trainer{DidYouMean(trainer.Trainer, TrainerRegistry.Names)}; known: {string.Join(", ", TrainerRegistry.Names)}");
            if (!entry.Supports(task))
                throw Error(source, path, $"{trainer.Trainer} does not support a {taskName} task; remove it or change --task");
            var known = entry.ParametersFor(task);
            foreach (var parameter in trainer.Parameters)
            {
                var info = known.FirstOrDefault(k => k.Name == parameter.Name)
                    ?? throw Error(source, $"{path}.{parameter.Name}",
                        $"{trainer.Trainer} has no parameter '{parameter.Name}' for a {taskName} task{DidYouMean(parameter.Name, known.Select(k => k.Name))}; its parameters: {string.Join(", ", known.Select(k => k.Name))}");
                if (Problem(parameter, info) is { } problem) throw Error(source, $"{path}.{parameter.Name}", problem);
                if (parameter.When is { } when && WhenProblem(when, known) is { } whenProblem)
                    throw Error(source, $"{path}.{parameter.Name}", $"\"when\" {when.Parent}: {whenProblem}");
            }
        }
    }

    /// <summary>What is wrong with the values an entry can produce for this parameter, or null.</summary>
    private static string? Problem(ParameterSpec parameter, ParameterInfo info) => parameter switch
    {
        FixedParameter f => info.Problem(f.Value),
        CategoricalParameter c => c.Choices.Select(info.Problem).FirstOrDefault(p => p is not null),
        FloatParameter when info.Kind == ParameterKind.Int =>
            $"a float range, but {info.Name} takes {info.Allowed}; use \"type\": \"int\"",
        FloatParameter f => RangeProblem(f.Low, f.High, info),
        IntParameter i => RangeProblem(i.Low, i.High, info),
        _ => null,
    };

    private static string? RangeProblem(double low, double high, ParameterInfo info) =>
        info.Kind is not (ParameterKind.Float or ParameterKind.Int) ? $"a numeric range, but {info.Name} takes {info.Allowed}; use \"type\": \"categorical\""
        : !info.InRange(low) || !info.InRange(high) ? $"the range [{ParameterInfo.Format(low)}, {ParameterInfo.Format(high)}] leaves the valid values; {info.Name} takes {info.Allowed}"
        : null;

    /// <summary>A value the condition waits for that its parent never takes (the condition holds values as text).</summary>
    private static string? WhenProblem(Condition when, IReadOnlyList<ParameterInfo> known)
    {
        var parent = known.FirstOrDefault(k => k.Name == when.Parent);
        if (parent is null) return null; // the parent's own entry is reported
        foreach (var text in when.Values)
        {
            object value = parent.Kind is ParameterKind.Float or ParameterKind.Int
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;
            if (parent.Problem(value) is { } problem) return problem;
        }

        return null;
    }

    /// <summary>" (did you mean x?)" when a registered name is within a few edits of the wanted one.</summary>
    private static string DidYouMean(string wanted, IEnumerable<string> names) =>
        ClosestNames.Find(wanted, names, 1) is [var closest] && ClosestNames.Distance(wanted.ToLowerInvariant(), closest.ToLowerInvariant()) <= Math.Max(2, wanted.Length / 3)
            ? $" (did you mean {closest}?)"
            : "";

    private static UserInputException Error(string source, string path, string problem) =>
        new($"Search space '{source}': {path}: {problem}.");
}
