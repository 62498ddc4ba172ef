using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// The study's trials as this process last read them, ordered by number. <see cref="Sync"/> reads only the
/// trials created or changed since the last read (the store's versions), so keeping a long history current
/// costs a small read per proposal instead of the whole history. Not thread-safe: the runner guards it.
/// </summary>
internal sealed class StudyHistory(IStudyStore store, long studyId)
{
    private readonly List<TrialRecord> _trials = [];
    private readonly Dictionary<long, int> _positions = [];
    private long _version = TrialChanges.Start;
    private TrialRecord[] _snapshot = [];

    /// <summary>The whole history as of the last <see cref="Sync"/>; a new array whenever something changed.</summary>
    public IReadOnlyList<TrialRecord> Trials => _snapshot;

    /// <summary>Reads what changed since the last call into the history; returns the changed trials.</summary>
    public IReadOnlyList<TrialRecord> Sync()
    {
        var changes = store.LoadChanges(studyId, _version);
        _version = changes.Version;
        if (changes.Trials.Count == 0) return [];
        var reorder = false;
        foreach (var trial in changes.Trials)
        {
            if (_positions.TryGetValue(trial.Id, out var position))
            {
                _trials[position] = trial;
            }
            else
            {
                reorder |= _trials.Count > 0 && trial.Number < _trials[^1].Number;
                _positions[trial.Id] = _trials.Count;
                _trials.Add(trial);
            }
        }

        if (reorder)
        {
            _trials.Sort((a, b) => a.Number.CompareTo(b.Number));
            for (var i = 0; i < _trials.Count; i++) _positions[_trials[i].Id] = i;
        }

        _snapshot = _trials.ToArray();
        return changes.Trials;
    }
}
