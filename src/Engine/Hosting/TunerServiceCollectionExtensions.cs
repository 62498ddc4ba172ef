using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tuner.Engine;

/// <summary>Registers the tuner on a Generic Host: <c>builder.Services.AddTuner(builder.Configuration.GetSection("Tuner"))</c>.</summary>
public static class TunerServiceCollectionExtensions
{
    /// <summary>Runs the studies of a configuration section (see <see cref="TunerOptions"/>) as a hosted service.</summary>
    public static IServiceCollection AddTuner(this IServiceCollection services, IConfiguration section) =>
        services.AddTuner(options => section.Bind(options));

    /// <summary>Runs the studies <paramref name="configure"/> sets up as a hosted service; <see cref="TunerRuns"/> reports what they did.</summary>
    public static IServiceCollection AddTuner(this IServiceCollection services, Action<TunerOptions> configure)
    {
        services.AddOptions<TunerOptions>().Configure(configure);
        services.AddSingleton<TunerRuns>();
        services.AddHostedService<StudyHostedService>();
        return services;
    }
}
