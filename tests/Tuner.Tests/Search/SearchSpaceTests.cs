using Tuner.Trainers.Training;
using Tuner.Search;
using Tuner.Study;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Search;

public sealed class SearchSpaceTests
{
    [Theory]
    [InlineData(TaskKind.Binary)]
    [InlineData(TaskKind.Multiclass)]
    [InlineData(TaskKind.Regression)]
    public void Built_in_spaces_sample_conditional_parameters_only_with_their_parent(TaskKind task)
    {
        var space = BuiltInSpaces.For(task);
        var random = new Random(3);
        Assert.All(space.Trainers, t => Assert.True(TrainerRegistry.Supports(t.Trainer, task), t.Trainer));

        foreach (var trainer in space.Trainers)
        {
            for (var i = 0; i < 300; i++)
            {
                var values = trainer.Sample(random);
                foreach (var parameter in trainer.Parameters.Where(p => p.When is not null))
                    Assert.Equal(parameter.When!.Holds(values), values.ContainsKey(parameter.Name));
            }
        }
    }

    [Fact]
    public void Ranges_are_respected_on_log_and_linear_scales()
    {
        var random = new Random(1);
        var floats = Enumerable.Range(0, 2000).Select(_ => (double)new FloatParameter("x", 1e-4, 1, true, null).Sample(random)).ToList();
        var ints = Enumerable.Range(0, 2000).Select(_ => (double)new IntParameter("n", 4, 128, true, null).Sample(random)).ToList();

        Assert.All(floats, v => Assert.InRange(v, 1e-4, 1));
        Assert.InRange(floats.Count(v => v < 1e-2), 800, 1200); // half the log range holds half the draws
        Assert.All(ints, v => Assert.InRange(v, 4, 128));
        Assert.Contains(4.0, ints);
        Assert.Contains(128.0, ints);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"trainers": {}}""", "lists no trainer")]
    [InlineData("""{"trainers": {"sgd": {"l2": {"type": "float", "low": 0, "high": 1, "log": true}}}}""", "trainers.sgd.l2: a log-scale range needs")]
    [InlineData("""{"trainers": {"sgd": {"delta": {"type": "float", "low": 1, "high": 2, "when": {"loss": ["huber"]}}}}}""", "trainers.sgd.delta: \"when\" refers to 'loss'")]
    [InlineData("""{"trainers": {"sgd": {"loss": {"type": "categorical", "choices": []}}}}""", "trainers.sgd.loss: a categorical parameter needs")]
    [InlineData("""{"trainers": {"sgd": {"loss": {"type": "list"}}}}""", "trainers.sgd.loss: unknown type 'list'")]
    public void Invalid_space_files_name_the_offending_entry(string json, string expected)
    {
        var error = Assert.Throws<UserInputException>(() => SearchSpaceReader.Parse(json, "space.json"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("Search space 'space.json'", error.Message);
    }

    [Fact]
    public void Random_sampler_is_reproducible_and_never_repeats_a_configuration()
    {
        var space = BuiltInSpaces.For(TaskKind.Binary);
        var first = Propose(new RandomSampler(space, 11), 40);
        var second = Propose(new RandomSampler(space, 11), 40);

        Assert.Equal(first.Select(p => p.Key), second.Select(p => p.Key));
        Assert.Equal(first.Count, first.Select(p => p.Key).Distinct().Count());
        Assert.Equal(space.Trainers.Select(t => t.Trainer), first.Take(space.Trainers.Count).Select(p => p.Trainer));
        Assert.All(first.Take(space.Trainers.Count), p => Assert.True(p.IsBaseline));
    }

    private static List<TrialProposal> Propose(RandomSampler sampler, int count)
    {
        var history = new List<TrialRecord>();
        for (var n = 0; n < count; n++)
        {
            var proposal = sampler.Propose(n, history);
            history.Add(new TrialRecord(n, n, TrialState.Complete, proposal.Trainer, proposal.Parameters, proposal.IsBaseline,
                DateTimeOffset.UnixEpoch, 1, 0, null, 0.5, new Dictionary<string, double>()));
        }

        return history.Select(t => new TrialProposal(t.Trainer, t.Parameters, t.IsBaseline)).ToList();
    }
}

public sealed class SampleSpaceTests
{
    [Theory]
    [InlineData("binary-sgd-losses.json", TaskKind.Binary)]
    [InlineData("regression-robust-losses.json", TaskKind.Regression)]
    [InlineData("multiclass-trees.json", TaskKind.Multiclass)]
    public void Sample_space_files_are_valid_for_their_task(string file, TaskKind task)
    {
        var space = SpaceSelection.Select(Path.Combine(Samples.RepositoryRoot, "samples", "spaces", file), [], task);
        Assert.NotEmpty(space.Trainers);
    }
}
