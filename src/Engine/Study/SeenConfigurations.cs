namespace Tuner.Study;

/// <summary>
/// Which configurations a history has run or is running (retryable trials do not count: they are to be run again),
/// for a sampler that must not propose one twice. A proposal is nearly always new, so the first question scans
/// the history without building any trial's key; a sampler that asks again (it drew a duplicate and draws anew)
/// gets a set of all keys.
/// </summary>
internal sealed class SeenConfigurations(IReadOnlyList<TrialRecord> history)
{
    private HashSet<string>? _keys;
    private bool _asked;

    public bool Contains(string key)
    {
        if (_keys is not null) return _keys.Contains(key);
        if (_asked)
        {
            _keys = history.Where(t => !t.IsRetryable).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            return _keys.Contains(key);
        }

        _asked = true;
        foreach (var trial in history)
            if (trial.HasKey(key) && !trial.IsRetryable)
                return true;
        return false;
    }
}
