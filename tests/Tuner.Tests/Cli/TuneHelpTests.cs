using Tuner.Cli;
using Tuner.Search;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Cli;

/// <summary>`tune --help` names what the registries hold, so a new sampler, pruner or trainer family shows up there.</summary>
public sealed class TuneHelpTests
{
    [Theory]
    [InlineData("--sampler")]
    [InlineData("--pruner")]
    [InlineData("--trainers")]
    public void The_option_lists_every_registered_name(string option)
    {
        var description = TuneCommand.Build().Options.Single(o => o.Name == option).Description!;
        var names = option switch
        {
            "--sampler" => SamplerFactory.All.SelectMany(e => e.Parameters.Select(p => p.Name).Prepend(e.Name)),
            "--pruner" => PrunerFactory.All.SelectMany(e => e.Parameters.Select(p => p.Name).Prepend(e.Name)),
            _ => TrainerRegistry.KnownFamilies,
        };
        Assert.All(names, name => Assert.Contains(name, description));
    }
}
