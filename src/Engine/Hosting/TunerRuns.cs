using Tuner.Study;

namespace Tuner.Engine;

/// <summary>
/// What the hosted tuner has done, for the rest of the application: each study's outcome as it ends, and every
/// trial as it finishes. A singleton; handlers run on the tuner's threads, so keep them short.
/// </summary>
public sealed class TunerRuns : IStudyProgress
{
    private readonly List<StudyOutcome> _finished = [];
    private readonly List<(string Study, string Error)> _failed = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A trial of a running study finished: the trial, its result and the study's best so far.</summary>
    public event Action<TrialRecord, TrialResult, TrialRecord?>? TrialFinished;

    /// <summary>A study ended and wrote its outputs.</summary>
    public event Action<StudyOutcome>? StudyFinished;

    /// <summary>The studies run so far, in order.</summary>
    public IReadOnlyList<StudyOutcome> Finished
    {
        get { lock (_finished) return _finished.ToList(); }
    }

    /// <summary>The studies that could not run: the configured study's name and the one-line reason.</summary>
    public IReadOnlyList<(string Study, string Error)> Failed
    {
        get { lock (_finished) return _failed.ToList(); }
    }

    /// <summary>Completes when every configured study has run or failed, or the host stopped them.</summary>
    public Task Completion => _done.Task;

    void IStudyProgress.TrialStarted(TrialRecord trial) { }

    void IStudyProgress.TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best) => TrialFinished?.Invoke(trial, result, best);

    internal void Add(StudyOutcome outcome)
    {
        lock (_finished) _finished.Add(outcome);
        StudyFinished?.Invoke(outcome);
    }

    internal void AddFailure(string study, string error)
    {
        lock (_finished) _failed.Add((study, error));
    }

    internal void Complete() => _done.TrySetResult();
}
