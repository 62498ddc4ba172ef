namespace Tuner.Engine;

/// <summary>
/// The "Tuner" section of appsettings.json for a host that runs studies (<see cref="TunerServiceCollectionExtensions.AddTuner(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>):
/// <code>
/// "Tuner": { "Studies": [ { "Data": "data/spam.csv", "Label": "type", "TimeSeconds": 60, "Out": "runs/spam" } ], "StopWhenDone": true }
/// </code>
/// </summary>
public sealed class TunerOptions
{
    /// <summary>Run one after the other when the host starts; each continues its study if the store already holds it.</summary>
    public List<StudyOptions> Studies { get; init; } = [];

    /// <summary>Stop the host once every study has run (a batch job); false keeps it running (a service that also does other work).</summary>
    public bool StopWhenDone { get; init; }
}
