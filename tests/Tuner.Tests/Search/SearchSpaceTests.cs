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

    /// <summary>A space file up to its "starts", left open for them.</summary>
    private const string SgdTrainers = """
        {"trainers": {"sgd": {
            "loss": {"type": "categorical", "choices": ["log", "huber"]},
            "delta": {"type": "float", "low": 0.1, "high": 2, "when": {"loss": ["huber"]}},
            "epochs": {"type": "int", "low": 5, "high": 40},
            "batch_size": {"value": 32}}}
        """;

    [Theory]
    [InlineData("""{"trainers": {"sgd": {}}, "start": {}}""", "start: unknown entry")]
    [InlineData(SgdTrainers + """, "starts": {"mlp": [{}]}}""", "starts.mlp: 'mlp' is not under \"trainers\"")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": {"loss": "log"}}}""", "starts.sgd: must be a list")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "hinge", "epochs": 10}]}}""", "starts.sgd[0].loss: \"hinge\" is not one of \"log\", \"huber\"")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "log", "epochs": 10.5}]}}""", "starts.sgd[0].epochs: 10.5 is not a whole number in [5, 40]")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "log", "epochs": 50}]}}""", "starts.sgd[0].epochs: 50 is not a whole number in [5, 40]")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "huber", "epochs": 10}]}}""", "starts.sgd[0]: gives no value for 'delta'")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "log", "delta": 1, "epochs": 10}]}}""", "starts.sgd[0].delta: is not active in this start: it applies only when loss is huber")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "log", "epochs": 10, "epocs": 9}]}}""", "starts.sgd[0].epocs: sgd declares no parameter 'epocs'")]
    [InlineData(SgdTrainers + """, "starts": {"sgd": [{"loss": "log", "epochs": 10, "batch_size": 64}]}}""", "starts.sgd[0].batch_size: 64 differs from the fixed value 32")]
    public void Invalid_starts_name_the_offending_entry(string json, string expected)
    {
        var error = Assert.Throws<UserInputException>(() => SearchSpaceReader.Parse(json, "space.json"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("Search space 'space.json'", error.Message);
    }

    [Fact]
    public void A_start_is_a_complete_point_of_its_space_with_the_fixed_values()
    {
        var space = SearchSpaceReader.Parse(SgdTrainers + """, "starts": {"sgd": [{"loss": "huber", "delta": 1.5, "epochs": 12}]}}""", "space.json");

        var start = Assert.Single(space.Find("sgd")!.Starts);
        Assert.Equal(new Dictionary<string, object> { ["loss"] = "huber", ["delta"] = 1.5, ["epochs"] = 12.0, ["batch_size"] = 32.0 }, start);
    }

    [Theory]
    [InlineData(TaskKind.Binary)]
    [InlineData(TaskKind.Multiclass)]
    [InlineData(TaskKind.Regression)]
    public void Both_samplers_propose_the_starts_once_right_after_the_baselines(TaskKind task)
    {
        var space = BuiltInSpaces.For(task);
        var starts = space.StartProposals();
        Assert.Contains(starts, s => s.Trainer == "mlp");
        foreach (var sampler in new ISampler[] { new RandomSampler(space, 2), new TpeSampler(space, 2, higherIsBetter: true) })
        {
            var proposals = Propose(sampler, space.Trainers.Count + starts.Count + 20);
            var afterBaselines = proposals.Skip(space.Trainers.Count).ToList();
            Assert.Equal(starts.Select(s => s.Key), afterBaselines.Take(starts.Count).Select(p => p.Key));
            Assert.All(afterBaselines, p => Assert.False(p.IsBaseline));
            Assert.Equal(proposals.Count, proposals.Select(p => p.Key).Distinct().Count());
        }
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

    private static List<TrialProposal> Propose(ISampler sampler, int count)
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
