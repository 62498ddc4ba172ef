using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Tuner.Study;

namespace Tuner.Output;

/// <summary>A live Spectre.Console progress bar: trials done, budget left, best so far.</summary>
public sealed class LiveProgress(IAnsiConsole console, string metric, Budget budget, int trialsAlreadyDone) : IStudyProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;
    private int _running;
    private string _best = "none yet";

    public void TrialStarted(TrialRecord trial) => Interlocked.Increment(ref _running);

    public void TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best)
    {
        Interlocked.Decrement(ref _running);
        Interlocked.Increment(ref _done);
        if (best is not null)
            Volatile.Write(ref _best, $"{best.Value!.Value.ToString("G5", CultureInfo.InvariantCulture)} ({best.Trainer}, trial {best.Number})");
    }

    public async Task RunAsync(Func<Task> work)
    {
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: 1.0);
                var running = work();
                while (!running.IsCompleted)
                {
                    Update(task);
                    await Task.WhenAny(running, Task.Delay(250));
                }

                Update(task);
                task.Value = task.MaxValue;
                await running;
            });
    }

    private void Update(ProgressTask task)
    {
        var done = Volatile.Read(ref _done);
        var fractions = new List<double>();
        var left = new List<string>();
        if (budget.Time is { } time)
        {
            fractions.Add(_clock.Elapsed / time);
            left.Add($"{Math.Max(0, (time - _clock.Elapsed).TotalSeconds):F0} s left");
        }

        if (budget.Trials is { } trials)
        {
            fractions.Add((double)(done + trialsAlreadyDone) / trials);
            left.Add($"{Math.Max(0, trials - done - trialsAlreadyDone)} trials left");
        }

        task.Value = Math.Min(1.0, fractions.DefaultIfEmpty(0).Max());
        task.Description = Markup.Escape(
            $"{done} trials done, {Volatile.Read(ref _running)} running, {string.Join(", ", left)}; best {metric} {Volatile.Read(ref _best)}");
    }
}
