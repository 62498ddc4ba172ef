using Tuner.Search;
using Tuner.Trainers.Data;

namespace Tuner.Tests.Search;

/// <summary>The contract of every registered sampler at its default settings.</summary>
public sealed class SamplerContractTests
{
    public static TheoryData<string> AllSamplers() => new(SamplerFactory.Names);

    [Theory]
    [MemberData(nameof(AllSamplers))]
    public void Proposals_fall_inside_the_space(string name)
    {
        var space = SearchSpaceReader.Parse("""
            {"trainers": {
              "sgd": {
                "loss": {"type": "categorical", "choices": ["log", "focal"]},
                "focal_gamma": {"type": "float", "low": 0.5, "high": 5, "when": {"loss": ["focal"]}},
                "learning_rate": {"type": "float", "low": 0.001, "high": 0.3, "log": true},
                "epochs": {"type": "int", "low": 2, "high": 9}},
              "lightgbm": {
                "trees": {"type": "int", "low": 10, "high": 300, "log": true},
                "bagging_fraction": {"type": "float", "low": 0.5, "high": 1},
                "max_depth": {"value": 6}}}}
            """, "contract");
        SearchSpaceValidator.Validate(space, TaskKind.Binary, "contract");
        var sampler = SamplerFactory.Create(name, space, seed: 7, higherIsBetter: true, timeBudget: false);
        var random = new Random(3);
        var history = new List<Tuner.Study.TrialRecord>();
        for (var n = 0; n < 30; n++)
        {
            var proposal = sampler.Propose(n, history);
            var trainer = space.Find(proposal.Trainer);
            Assert.NotNull(trainer);
            var active = trainer.Parameters.Where(p => p.When is null || p.When.Holds(proposal.Parameters.Values)).ToList();
            Assert.All(proposal.Parameters.Values.Keys, key => Assert.Contains(active, p => p.Name == key));
            foreach (var (key, value) in proposal.Parameters.Values)
                Assert.True(Inside(active.Single(p => p.Name == key), value), $"{name}: trial {n} {key}={value}");
            history.Add(SyntheticStudy.Complete(n, proposal, random.NextDouble()));
        }
    }

    private static bool Inside(ParameterSpec parameter, object value) => parameter switch
    {
        FloatParameter f => value is double d && d >= f.Low && d <= f.High,
        IntParameter i => value is double d && d >= i.Low && d <= i.High && d == Math.Floor(d),
        CategoricalParameter c => c.Choices.Any(choice => Equals(choice, value)),
        FixedParameter f => Equals(f.Value, value),
        _ => false,
    };
}
