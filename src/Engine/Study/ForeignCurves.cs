using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Brings the learning curves of trials this process did not run (other workers', or an earlier run's)
/// into the <see cref="CurveBoard"/>, so pruners compare against the whole study. A trial still running
/// elsewhere is read again at every refresh; a finished one is read once more (its last steps are stored
/// before its result) and then left alone. Each refresh reads only the steps it has not seen yet.
/// </summary>
internal sealed class ForeignCurves(IStudyStore store, CurveBoard board)
{
    private readonly Dictionary<long, TrialRecord> _pending = [];
    private readonly Dictionary<long, int> _lastStep = [];
    private readonly HashSet<long> _complete = [];

    /// <summary>Notes trials that changed; <paramref name="isOwn"/> says which ones this process runs.</summary>
    public void Track(IEnumerable<TrialRecord> changed, Func<long, bool> isOwn)
    {
        foreach (var trial in changed)
            if (!isOwn(trial.Id) && !_complete.Contains(trial.Id))
                _pending[trial.Id] = trial;
    }

    public void Refresh()
    {
        if (_pending.Count == 0) return;
        foreach (var point in store.LoadCurves(_pending.Keys.Select(id => (id, _lastStep.GetValueOrDefault(id))).ToList()))
        {
            var trial = _pending[point.TrialId];
            board.Record(trial.Number, trial.Trainer, point.Step, point.Value);
            _lastStep[point.TrialId] = Math.Max(_lastStep.GetValueOrDefault(point.TrialId), point.Step);
        }

        foreach (var trial in _pending.Values.Where(t => t.IsFinished).ToList())
        {
            _pending.Remove(trial.Id);
            _lastStep.Remove(trial.Id);
            _complete.Add(trial.Id);
        }
    }
}
