namespace Tuner.Study;

/// <summary>
/// Configurations whose trials were stopped before they could finish (Ctrl+C, a time budget, a killed
/// process) and that no later trial has run: they are run again before anything new is sampled.
/// </summary>
internal static class Retries
{
    /// <summary>Beyond this many stopped trials, their keys are looked up in a set of every settled trial's key.</summary>
    private const int ScanLimit = 8;

    public static TrialProposal? Next(IReadOnlyList<TrialRecord> history)
    {
        // Called before every proposal: a history with no stopped trial (the usual case) costs one pass and no keys.
        List<TrialRecord>? stopped = null;
        foreach (var trial in history)
            if (trial.IsRetryable)
                (stopped ??= []).Add(trial);
        if (stopped is null) return null;

        Func<string, bool> settled;
        if (stopped.Count > ScanLimit)
        {
            var keys = history.Where(t => !t.IsRetryable).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            settled = keys.Contains;
        }
        else
        {
            settled = key => history.Any(t => t.HasKey(key) && !t.IsRetryable);
        }

        return stopped
            .Where(t => !settled(t.Key))
            .OrderBy(t => t.Number)
            .Select(t => new TrialProposal(t.Trainer, t.Parameters, t.IsBaseline))
            .FirstOrDefault();
    }
}
