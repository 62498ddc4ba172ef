using Tuner.Reports.Model;
using Tuner.Trainers.Data;
using Tuner.Trainers.Training;

namespace Tuner.Cli;

/// <summary>
/// `compare --by KNOB`: a study's best complete trial of each value of the knob (a parameter, or "trainer"). A trial that
/// leaves a choice at its trainer's default (the defaults baseline: sgd's loss is log) counts under that default.
/// </summary>
internal static class ComparedKnob
{
    public const string Trainer = "trainer";

    public static List<ComparedEntry> Entries(StudyReportData study, string knob)
    {
        var complete = study.RankedTrials.Where(t => t.State == "complete" && t.Value.HasValue).ToList();
        var known = complete.SelectMany(t => t.Parameters.Keys).Append(Trainer).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!known.Contains(knob))
            throw new UserInputException($"--by {knob}: no complete trial of study '{study.Name}' has that knob; choose from {string.Join(", ", known)}.");

        // RankedTrials is best first, so the first trial of each value is its best.
        var task = Enum.Parse<TaskKind>(study.Task, ignoreCase: true);
        var groups = complete.Select(t => (Trial: t, Value: knob == Trainer ? t.Trainer : t.Parameters.GetValueOrDefault(knob) ?? DefaultChoice(t.Trainer, knob, task)))
            .Where(t => t.Value is not null).GroupBy(t => t.Value!).ToList();
        if (groups.Count < 2)
            throw new UserInputException($"--by {knob}: the complete trials of study '{study.Name}' have only one value of it ({groups[0].Key}); there is nothing to compare.");
        return groups.Select(g => new ComparedEntry($"{g.Key} {knob}", study, g.First().Trial, g.Count())).ToList();
    }

    private static string? DefaultChoice(string trainer, string knob, TaskKind task) =>
        TrainerRegistry.Find(trainer)?.ParametersFor(task).FirstOrDefault(p => p.Name == knob)?.Default as string;
}
