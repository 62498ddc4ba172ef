using Tuner.Trainers.Components;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;
using Tuner.Trainers.Optimizers;
using Tuner.Trainers.Schedules;
using Tuner.Trainers.Training;

namespace Trainers.Tests.Components;

/// <summary>What every registry must hold: unique names, defaults that are valid values, and trainers that list what their parts read.</summary>
public sealed class RegistryTests
{
    private static IEnumerable<(string Kind, string Name, IReadOnlyList<TaskKind> Tasks, IReadOnlyList<ParameterInfo> Parameters)> Components() =>
        LossFactory.All.Select(e => ("loss", e.Name, e.Tasks, e.Parameters))
            .Concat(ScheduleFactory.All.Select(e => ("schedule", e.Name, e.Tasks, e.Parameters)))
            .Concat(OptimizerFactory.All.Select(e => ("optimizer", e.Name, e.Tasks, e.Parameters)));

    [Fact]
    public void Names_are_unique_per_kind_and_task()
    {
        var clashes = Components().SelectMany(c => c.Tasks.Select(t => (c.Kind, Task: t, c.Name)))
            .GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        Assert.Empty(clashes);
        Assert.Equal(TrainerRegistry.All.Count, TrainerRegistry.Names.Distinct().Count());
    }

    [Fact]
    public void Every_default_is_a_value_the_parameter_takes()
    {
        var parameters = Components().SelectMany(c => c.Parameters)
            .Concat(TrainerRegistry.All.SelectMany(t => t.Tasks.SelectMany(t.ParametersFor)));
        foreach (var parameter in parameters.Where(p => p.Default is not null))
            Assert.True(parameter.Problem(parameter.Default!) is null, $"{parameter.Name}: default {parameter.Default} is not {parameter.Allowed}");
    }

    [Theory]
    [InlineData(TaskKind.Binary)]
    [InlineData(TaskKind.Multiclass)]
    [InlineData(TaskKind.Regression)]
    public void The_gradient_trainers_list_every_parameter_of_their_losses_schedules_and_optimizers_once(TaskKind task)
    {
        foreach (var trainer in new[] { "sgd", "mlp" })
        {
            var names = TrainerRegistry.Find(trainer)!.ParametersFor(task).Select(p => p.Name).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            var parts = LossFactory.For(task).SelectMany(e => e.Parameters)
                .Concat(ScheduleFactory.All.SelectMany(e => e.Parameters))
                .Concat(OptimizerFactory.All.SelectMany(e => e.Parameters))
                .Select(p => p.Name)
                .Concat([ParameterNames.Loss, ParameterNames.Schedule, ParameterNames.Optimizer, ParameterNames.LearningRate, ParameterNames.Epochs]);
            Assert.Empty(parts.Except(names));
        }
    }

    [Fact]
    public void A_loss_of_another_task_is_not_a_choice()
    {
        var loss = TrainerRegistry.Find("sgd")!.ParametersFor(TaskKind.Binary).Single(p => p.Name == ParameterNames.Loss);
        Assert.Null(loss.Problem("hinge"));
        Assert.Equal("'squared' is not one of: log, hinge, squared_hinge, modified_huber, focal", loss.Problem("squared"));
    }

    [Fact]
    public void Class_weights_take_a_list_but_not_a_regression_task()
    {
        var binary = TrainerRegistry.Find("sgd")!.ParametersFor(TaskKind.Binary).Single(p => p.Name == ParameterNames.ClassWeights);
        Assert.Null(binary.Problem("1, 5"));
        Assert.NotNull(binary.Problem("1,lots"));
        Assert.DoesNotContain(TrainerRegistry.Find("sgd")!.ParametersFor(TaskKind.Regression), p => p.Name == ParameterNames.ClassWeights);
    }

    [Theory]
    [InlineData(ParameterNames.LearningRate, 0.0, "a positive number")]
    [InlineData(ParameterNames.StepGamma, 1.5, "a number in (0, 1]")]
    [InlineData(ParameterNames.HiddenLayers, 4.0, "a whole number from 1 to 3")]
    [InlineData(ParameterNames.Epochs, 2.5, "not a whole number")]
    public void Out_of_range_values_say_what_is_allowed(string name, double value, string expected)
    {
        var parameter = TrainerRegistry.Find("mlp")!.ParametersFor(TaskKind.Binary).Single(p => p.Name == name);
        Assert.Contains(expected, parameter.Problem(value));
        Assert.Contains("'text' is not a number", parameter.Problem("text"));
    }
}
