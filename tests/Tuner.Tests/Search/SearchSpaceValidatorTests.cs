using Tuner.Search;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Search;

/// <summary>Search spaces checked against the registered trainers and parameters, before any trial.</summary>
public sealed class SearchSpaceValidatorTests
{
    [Theory]
    [InlineData(TaskKind.Binary)]
    [InlineData(TaskKind.Multiclass)]
    [InlineData(TaskKind.Regression)]
    public void Every_built_in_space_validates(TaskKind task) =>
        SearchSpaceValidator.Validate(BuiltInSpaces.For(task), task, "built-in");

    [Fact]
    public void Every_sample_and_benchmark_space_validates_for_the_task_its_name_gives()
    {
        var files = Directory.GetFiles(Path.Combine(Samples.RepositoryRoot, "samples", "spaces"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(Samples.RepositoryRoot, "benchmarks", "DiagnosisAgreement"), "space-*.json"))
            .ToList();
        Assert.Equal(6, files.Count);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var task = Enum.Parse<TaskKind>(name.StartsWith("space-", StringComparison.Ordinal) ? name["space-".Length..] : name.Split('-')[0], ignoreCase: true);
            SearchSpaceValidator.Validate(SearchSpaceReader.Parse(File.ReadAllText(file), file), task, file);
        }
    }

    [Theory]
    [InlineData("unknown parameter", """{"sgd": {"learnin_rate": {"type": "float", "low": 0.001, "high": 0.1}}}""",
        "trainers.sgd.learnin_rate: sgd has no parameter 'learnin_rate' for a binary task (did you mean learning_rate?); its parameters: epochs, batch_size")]
    [InlineData("unknown loss", """{"sgd": {"loss": {"type": "categorical", "choices": ["log", "no_such_loss"]}}}""",
        "trainers.sgd.loss: 'no_such_loss' is not one of: log, hinge, squared_hinge, modified_huber, focal.")]
    [InlineData("loss of another task", """{"mlp": {"loss": {"value": "squared"}}}""",
        "trainers.mlp.loss: 'squared' is not one of: log, hinge")]
    [InlineData("parameter of another task's loss", """{"sgd": {"huber_delta": {"value": 1.5}}}""",
        "trainers.sgd.huber_delta: sgd has no parameter 'huber_delta' for a binary task")]
    [InlineData("range below the valid values", """{"sgd": {"learning_rate": {"type": "float", "low": -1, "high": 0.1}}}""",
        "trainers.sgd.learning_rate: the range [-1, 0.1] leaves the valid values; learning_rate takes a positive number.")]
    [InlineData("fraction above 1", """{"lightgbm": {"bagging_fraction": {"type": "float", "low": 0.5, "high": 1.5}}}""",
        "trainers.lightgbm.bagging_fraction: the range [0.5, 1.5] leaves the valid values; bagging_fraction takes a number in (0, 1].")]
    [InlineData("text for a number", """{"sgd": {"l2": {"type": "categorical", "choices": [0.001, "lots"]}}}""",
        "trainers.sgd.l2: 'lots' is not a number; l2 takes a number ≥ 0.")]
    [InlineData("float range for an int", """{"lightgbm": {"trees": {"type": "float", "low": 10, "high": 100}}}""",
        "trainers.lightgbm.trees: a float range, but trees takes a whole number of at least 1; use \"type\": \"int\".")]
    [InlineData("fractional fixed int", """{"sgd": {"epochs": {"value": 2.5}}}""",
        "trainers.sgd.epochs: 2.5 is not a whole number; epochs takes a whole number of at least 1.")]
    [InlineData("fractional int range", """{"sgd": {"epochs": {"type": "int", "low": 2.5, "high": 10}}}""",
        "trainers.sgd.epochs: an int range needs whole numbers, but \"low\" is 2.5.")]
    [InlineData("numeric range for a choice", """{"sgd": {"schedule": {"type": "float", "low": 1, "high": 2}}}""",
        "trainers.sgd.schedule: a numeric range, but schedule takes one of: constant, inverse_time")]
    [InlineData("condition on a value the parent never takes", """{"sgd": {"loss": {"type": "categorical", "choices": ["log", "focal"]}, "focal_gamma": {"type": "float", "low": 0.5, "high": 5, "when": {"loss": ["focl"]}}}}""",
        "trainers.sgd.focal_gamma: \"when\" loss: 'focl' is not one of: log, hinge")]
    [InlineData("unknown trainer", """{"lightgmb": {}}""",
        "trainers.lightgmb: unknown trainer (did you mean lightgbm?); known: sgd, mlp, sdca_logistic")]
    [InlineData("trainer of another task", """{"sdca_regression": {}}""",
        "trainers.sdca_regression: sdca_regression does not support a binary task; remove it or change --task.")]
    public void A_mistake_is_one_line_naming_the_file_the_entry_and_what_is_allowed(string mistake, string trainers, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => SearchSpaceValidator.Validate(
            SearchSpaceReader.Parse($$"""{"trainers": {{trainers}}}""", "my-space.json"), TaskKind.Binary, "my-space.json"));
        Assert.True(e.Message.StartsWith("Search space 'my-space.json': ", StringComparison.Ordinal) && e.Message.Contains(expected, StringComparison.Ordinal),
            $"{mistake}: {e.Message}");
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_regression_space_gets_the_regression_losses_and_no_class_weights()
    {
        var space = SearchSpaceReader.Parse("""{"trainers": {"sgd": {"loss": {"value": "huber"}, "huber_delta": {"value": 2}}}}""", "s");
        SearchSpaceValidator.Validate(space, TaskKind.Regression, "s");
        var weighted = SearchSpaceReader.Parse("""{"trainers": {"sgd": {"class_weights": {"value": "balanced"}}}}""", "s");
        Assert.Throws<UserInputException>(() => SearchSpaceValidator.Validate(weighted, TaskKind.Regression, "s"));
        SearchSpaceValidator.Validate(weighted, TaskKind.Binary, "s");
    }
}
