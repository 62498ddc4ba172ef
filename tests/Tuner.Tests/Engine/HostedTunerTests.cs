using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tuner.Engine;

namespace Tuner.Tests.Engine;

/// <summary>The tuner on a real Generic Host, configured from JSON through the Options pattern.</summary>
public sealed class HostedTunerTests
{
    [Fact]
    public async Task A_host_runs_the_configured_studies_and_stops_and_a_bad_one_is_one_line_that_spares_the_others()
    {
        var directory = Samples.TempDirectory();
        var data = Samples.Data("breastcancer_wisc_na.csv").Replace("\\", "/");
        var json = $$$"""
            {"Tuner": {"StopWhenDone": true, "Studies": [
                {"Data": "{{{data}}}", "Label": "no_such_column", "Trials": 2, "Study": "bad", "Out": "{{{directory}}}/bad"},
                {"Data": "{{{data}}}", "Label": "Class", "IgnoreColumns": ["Id"], "Trials": 5, "Trainers": ["lbfgs"], "Sampler": "random",
                 "Pruner": "none", "Parallel": 1, "Study": "hosted", "Out": "{{{directory}}}/hosted"}]}}
            """;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddTuner(builder.Configuration.GetSection("Tuner"));
        using var host = builder.Build();
        var runs = host.Services.GetRequiredService<TunerRuns>();
        var finished = new List<int>();
        runs.TrialFinished += (trial, _, _) => { lock (finished) finished.Add(trial.Number); };

        using var safety = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await host.RunAsync(safety.Token);

        Assert.False(safety.IsCancellationRequested, "the host did not stop by itself");
        var (study, error) = Assert.Single(runs.Failed);
        Assert.Equal("bad", study);
        Assert.Contains("no_such_column", error);
        var outcome = Assert.Single(runs.Finished);
        Assert.Equal("hosted", outcome.Study.Name);
        Assert.Equal(5, outcome.Ranked.Count);
        Assert.Equal(5, finished.Count);
        Assert.True(File.Exists(Path.Combine(directory, "hosted", "best.json")));
        Assert.Equal(2, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public void The_worker_samples_settings_bind_to_a_study_whose_data_exists()
    {
        var sample = Path.Combine(Samples.RepositoryRoot, "samples", "HostedWorker");
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(sample, "appsettings.json")).Build();
        var options = new TunerOptions();
        configuration.GetSection("Tuner").Bind(options);

        var study = Assert.Single(options.Studies);
        Assert.True(File.Exists(Path.Combine(sample, study.Data)), study.Data);
        Assert.Equal(["Id"], study.IgnoreColumns);
        Assert.True(options.StopWhenDone);
        Assert.NotNull(study.TimeSeconds);
    }
}
