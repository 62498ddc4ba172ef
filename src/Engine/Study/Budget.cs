namespace Tuner.Study;

/// <summary>
/// When a study stops: after Time in this run, once the study holds Trials finished trials in total (so a
/// rerun of an interrupted job completes it), or once the best validation metric reaches Target.
/// Whichever comes first.
/// </summary>
public sealed record Budget(TimeSpan? Time, int? Trials, double? Target = null)
{
    public bool TargetReached(double? best, bool higherIsBetter) =>
        Target is { } target && best is { } value && (higherIsBetter ? value >= target : value <= target);

    public static Budget Parse(double? seconds, int? trials, double? target = null)
    {
        if (target is { } t && !double.IsFinite(t))
            throw new UserInputException($"--target {target} is not a usable value; give the metric value to stop at, e.g. --target 0.95.");
        if (seconds is <= 0)
            throw new UserInputException($"--time {seconds} is not a usable budget; give a positive number of seconds, e.g. --time 60.");
        if (trials is <= 0)
            throw new UserInputException($"--trials {trials} is not a usable budget; give at least 1, e.g. --trials 20.");
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            throw new UserInputException($"--time {seconds} is too large; give a number of seconds below {TimeSpan.FromDays(3650).TotalSeconds}.");
        return seconds is null && trials is null
            ? new Budget(TimeSpan.FromSeconds(DefaultSeconds), null, target)
            : new Budget(seconds is { } s ? TimeSpan.FromSeconds(s) : null, trials, target);
    }

    public const int DefaultSeconds = 60;
}
