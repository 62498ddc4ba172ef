using System.Globalization;
using Tuner.Study;

namespace Tuner.Output;

/// <summary>One plain line per finished trial, for output that is not a terminal (CI logs, pipes).</summary>
public sealed class LogProgress(TextWriter writer, string metric) : IStudyProgress
{
    private readonly Lock _lock = new();

    public void TrialStarted(TrialRecord trial)
    {
    }

    public void TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best)
    {
        var outcome = result.State == TrialState.Complete
            ? $"valid {metric} {result.Value!.Value.ToString("G5", CultureInfo.InvariantCulture)}{(result.CutShortTo is null ? "" : $" ({result.Error})")}"
            : result.Error ?? "";
        var bestText = best is null ? "none yet" : $"{best.Value!.Value.ToString("G5", CultureInfo.InvariantCulture)} (trial {best.Number}, {best.Trainer})";
        lock (_lock)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial.Number} {trial.Trainer}: {result.State.ToString().ToLowerInvariant()}, {outcome} in {result.DurationSeconds:F1} s; best {bestText}"));
            writer.Flush();
        }
    }
}
