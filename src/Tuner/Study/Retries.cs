namespace Tuner.Study;

/// <summary>
/// Configurations whose trials were stopped before they could finish (Ctrl+C, a time budget, a killed
/// process) and that no later trial has run: they are run again before anything new is sampled.
/// </summary>
public static class Retries
{
    public static TrialProposal? Next(IReadOnlyList<TrialRecord> history)
    {
        var settled = history.Where(t => !t.IsRetryable).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return history
            .Where(t => t.IsRetryable && !settled.Contains(t.Key))
            .OrderBy(t => t.Number)
            .Select(t => new TrialProposal(t.Trainer, t.Parameters, t.IsBaseline))
            .FirstOrDefault();
    }
}
