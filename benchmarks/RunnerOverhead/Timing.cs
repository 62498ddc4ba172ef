using System.Diagnostics;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Benchmarks;

/// <summary>Milliseconds one trial spent, on the worker thread that ran it, in each part of the runner's loop.</summary>
public sealed record TrialTiming(
    int Number, double End, double Wall, double Training, double Propose, double Claim, double Result, double StoreReads, double Progress, double Steps)
{
    /// <summary>The runner's own time: everything but training.</summary>
    public double Runner => Wall - Training;

    /// <summary>The runner's time outside the sampler, the store and the progress: in-memory bookkeeping (history snapshot, ranking, counts, retries) and waiting for the other workers.</summary>
    public double Other => Runner - Propose - Claim - Result - StoreReads - Progress;
}

/// <summary>Where a worker's time goes besides training.</summary>
public enum Part { Propose, Claim, Result, StoreRead, Progress, Steps }

/// <summary>
/// What the decorators below measure, kept per worker thread: the runner runs each worker on a thread of its own
/// and makes every call for a trial on it, from the claim to the progress line. Calls from other threads (the
/// heartbeat's catch-up) are not attributed to any trial; they show only as time a worker waits for the gate.
/// </summary>
public sealed class TimingBoard
{
    private sealed class Pending
    {
        public long LastEnd = Stopwatch.GetTimestamp();
        public readonly double[] Parts = new double[Enum.GetValues<Part>().Length];
    }

    private readonly ThreadLocal<Pending> _pending = new(() => new Pending());
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly List<TrialTiming> _trials = [];
    private readonly Lock _lock = new();

    /// <summary>Runs <paramref name="work"/> and adds its time to this thread's current trial.</summary>
    public T Measure<T>(Part part, Func<T> work)
    {
        var pending = _pending.Value!; // a thread's first call starts its clock before the call, not after
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            pending.Parts[(int)part] += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }

    public void Measure(Part part, Action work) => Measure(part, () =>
    {
        work();
        return 0;
    });

    /// <summary>Closes the trial this thread was running: its wall time runs from the end of the thread's previous trial.</summary>
    public void Close(int number, double trainingSeconds)
    {
        var p = _pending.Value!;
        var now = Stopwatch.GetTimestamp();
        double Of(Part part) => p.Parts[(int)part];
        var timing = new TrialTiming(number, Stopwatch.GetElapsedTime(_start, now).TotalMilliseconds, Stopwatch.GetElapsedTime(p.LastEnd, now).TotalMilliseconds, trainingSeconds * 1000,
            Of(Part.Propose), Of(Part.Claim), Of(Part.Result), Of(Part.StoreRead), Of(Part.Progress), Of(Part.Steps));
        p.LastEnd = now;
        Array.Clear(p.Parts);
        lock (_lock) _trials.Add(timing);
    }

    /// <summary>Every trial closed so far, by number.</summary>
    public IReadOnlyList<TrialTiming> Trials
    {
        get { lock (_lock) return _trials.OrderBy(t => t.Number).ToList(); }
    }
}

/// <summary>Times <see cref="ISampler.Propose"/>; passes the runner's overhead on (the per-second trainer choice uses it).</summary>
public sealed class TimedSampler(ISampler inner, TimingBoard board) : ISampler
{
    public TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history) =>
        board.Measure(Part.Propose, () => inner.Propose(trialNumber, history));

    public void ObserveOverhead(TimeSpan overhead) => inner.ObserveOverhead(overhead);
}

/// <summary>Hears the trials' ends: times the real progress and closes each trial's timing.</summary>
public sealed class TimedProgress(IStudyProgress inner, TimingBoard board) : IStudyProgress
{
    public void TrialStarted(TrialRecord trial) => board.Measure(Part.Progress, () => inner.TrialStarted(trial));

    public void TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best)
    {
        board.Measure(Part.Progress, () => inner.TrialFinished(trial, result, best));
        board.Close(trial.Number, result.DurationSeconds);
    }
}

/// <summary>
/// Times the store calls a worker makes: writes (the claim, the result) and reads (the changes, other workers' curves).
/// Step writes happen inside the trial's training time (the executor flushes its buffer before the result) and are
/// counted apart.
/// </summary>
public sealed class TimedStore(IStudyStore inner, TimingBoard board) : IStudyStore
{
    public string Location => inner.Location;

    public bool IsShared => inner.IsShared;

    public StudyInfo? FindStudy(string name) => inner.FindStudy(name);

    public StudyInfo CreateStudy(string name, StudyConfig config) => inner.CreateStudy(name, config);

    public IReadOnlyList<StudySummary> ListStudies() => inner.ListStudies();

    public void SetPlan(long studyId, StudyPlan plan) => inner.SetPlan(studyId, plan);

    public void SaveFile(long studyId, StoredFile file) => inner.SaveFile(studyId, file);

    public StoredFile? LoadFile(long studyId, string role) => inner.LoadFile(studyId, role);

    public bool HasFile(long studyId, string role, string fingerprint) => inner.HasFile(studyId, role, fingerprint);

    public TrialRecord? TryStartTrial(long studyId, int number, TrialProposal proposal, string worker) =>
        board.Measure(Part.Claim, () => inner.TryStartTrial(studyId, number, proposal, worker));

    public void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps) => board.Measure(Part.Steps, () => inner.ReportSteps(trialId, steps));

    public IReadOnlyDictionary<long, StoredReplicates> LoadReplicates(long studyId) => inner.LoadReplicates(studyId);

    public bool FinishTrial(long trialId, TrialResult result) => board.Measure(Part.Result, () => inner.FinishTrial(trialId, result));

    public void Heartbeat(IReadOnlyCollection<long> trialIds) => inner.Heartbeat(trialIds);

    public IReadOnlyList<string> RunningWorkers(long studyId) => inner.RunningWorkers(studyId);

    public int InterruptSilentTrials(long studyId, TimeSpan silentFor, string reason) => inner.InterruptSilentTrials(studyId, silentFor, reason);

    public int InterruptTrialsOf(long studyId, IReadOnlyCollection<string> workers, string reason) => inner.InterruptTrialsOf(studyId, workers, reason);

    public TrialChanges LoadChanges(long studyId, long sinceVersion) => board.Measure(Part.StoreRead, () => inner.LoadChanges(studyId, sinceVersion));

    public IReadOnlyList<TrialRecord> LoadTrials(long studyId) => inner.LoadTrials(studyId);

    public IReadOnlyList<EpochRecord> LoadSteps(long trialId) => inner.LoadSteps(trialId);

    public IReadOnlyList<CurvePoint> LoadCurves(IReadOnlyCollection<(long TrialId, int AfterStep)> trials) =>
        board.Measure(Part.StoreRead, () => inner.LoadCurves(trials));

    public void Dispose() => inner.Dispose();
}
