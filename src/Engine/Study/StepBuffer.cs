using System.Diagnostics;
using Tuner.Storage;
using Tuner.Trainers.Training;

namespace Tuner.Study;

/// <summary>
/// Writes a trial's steps to the store in batches: when <see cref="Interval"/> has passed since the last
/// write, and always before the trial's result (<see cref="Flush"/>). A trial whose epochs are fast costs
/// one write instead of one per epoch (a round trip and a commit each on PostgreSQL); slow epochs are still
/// written as they come. Other workers' pruners see a running trial's curve at most that late, and a
/// process killed mid-trial loses at most that much of the curve of a trial that is retried anyway.
/// </summary>
internal sealed class StepBuffer(IStudyStore store, long trialId)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly List<EpochRecord> _pending = [];
    private long _written = Stopwatch.GetTimestamp();

    public void Add(EpochRecord step)
    {
        _pending.Add(step);
        if (Stopwatch.GetElapsedTime(_written) >= Interval) Flush();
    }

    public void Flush()
    {
        if (_pending.Count > 0) store.ReportSteps(trialId, _pending.ToList());
        _pending.Clear();
        _written = Stopwatch.GetTimestamp();
    }
}
