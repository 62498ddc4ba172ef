using System.Text;
using Tuner.Search;
using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Optimizers;
using Tuner.Trainers.Schedules;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Cli;

/// <summary>
/// README.md's Components tables are the registries, rendered: every registered trainer, loss, schedule, optimiser,
/// sampler and pruner has its row, with its parameters as the registry describes them, and no row names anything else.
/// </summary>
public sealed class ReadmeComponentTablesTests
{
    public static TheoryData<string> Tables() => new(Rendered().Keys);

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_readme_table_is_the_registry(string table)
    {
        var readme = File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var expected = Rendered()[table];
        Assert.True(readme.Contains(expected, StringComparison.Ordinal),
            $"README.md's {table} table does not match the registry; replace it with:\n{expected}");
    }

    private static Dictionary<string, string> Rendered()
    {
        var gradient = new[] { "sgd", "mlp" }.Select(n => TrainerRegistry.Find(n)!).ToList();
        // The losses', schedules' and optimisers' own parameters are in their tables; the loss choice differs by task.
        var owned = LossFactory.All.SelectMany(e => e.Parameters)
            .Concat(ScheduleFactory.All.SelectMany(e => e.Parameters))
            .Concat(OptimizerFactory.All.SelectMany(e => e.Parameters))
            .Select(p => p.Name)
            .ToHashSet();
        var loopParameters = gradient.SelectMany(t => t.Tasks.SelectMany(t.ParametersFor)).DistinctBy(p => p.Name)
            .Where(p => !owned.Contains(p.Name) && p.Name != ParameterNames.Loss);
        var mlNetParameters = TrainerRegistry.All.Except(gradient).SelectMany(t => t.Tasks.SelectMany(t.ParametersFor)).DistinctBy(p => p.Name);
        return new Dictionary<string, string>
        {
            ["trainer"] = Table(["trainer", "family", "tasks", "parameters"], TrainerRegistry.All.Select(t => new[]
            {
                Code(t.Name), t.Family, Tasks(t.Tasks),
                string.Join(", ", t.Tasks.SelectMany(t.ParametersFor).Select(p => p.Name).Distinct().Where(n => !owned.Contains(n) || !gradient.Contains(t)).Select(Code))
                    + (gradient.Contains(t) ? ", and the parameters of the chosen loss, schedule and optimiser (below)" : ""),
            })),
            ["sgd and mlp parameter"] = ParameterTable(loopParameters),
            ["ML.NET parameter"] = ParameterTable(mlNetParameters),
            ["loss"] = Table(["loss", "task", "what it is", "parameters"], LossFactory.All.Select(e => new[] { Code(e.Name), Tasks(e.Tasks), e.Description, Parameters(e.Parameters) })),
            ["schedule"] = Table(["schedule", "what it is", "parameters"], ScheduleFactory.All.Select(e => new[] { Code(e.Name), e.Description, Parameters(e.Parameters) })),
            ["optimizer"] = Table(["optimizer", "what it is", "parameters"], OptimizerFactory.All.Select(e => new[] { Code(e.Name), e.Description, Parameters(e.Parameters) })),
            ["sampler"] = Table(["sampler", "what it is", "settings"], SamplerFactory.All.Select(e => new[] { Code(e.Name), e.Description, Parameters(e.Parameters) })),
            ["pruner"] = Table(["pruner", "what it is", "settings"], PrunerFactory.All.Select(e => new[] { Code(e.Name), e.Description, Parameters(e.Parameters) })),
        };
    }

    private static string ParameterTable(IEnumerable<ParameterInfo> parameters) =>
        Table(["parameter", "takes", "default", "what it does"], parameters.Select(p => new[] { Code(p.Name), p.Allowed, p.DefaultText, p.Description }));

    private static string Parameters(IReadOnlyList<ParameterInfo> parameters) =>
        string.Join("<br>", parameters.Select(p => $"{Code(p.Name)} ({p.Allowed}; default {p.DefaultText}): {p.Description}"));

    private static string Tasks(IReadOnlyList<TaskKind> tasks) =>
        tasks.Count == Enum.GetValues<TaskKind>().Length ? "all" : string.Join(", ", tasks.Select(t => t.ToString().ToLowerInvariant()));

    private static string Code(string name) => $"`{name}`";

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).Append(" |\n|").Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
            text.Append("| ").AppendJoin(" | ", row.Select(cell => cell.Replace("|", "\\|"))).Append(" |\n");
        return text.ToString();
    }
}
