namespace Tuner.Study;

/// <summary>
/// What every worker of a study obeys, stored with the study and set by each `tune` run on it: how trials
/// are proposed and pruned, the study's global budget, and how long a running trial's worker may stay
/// silent before the trial is given up and its configuration retried by another worker.
/// </summary>
public sealed record StudyPlan(
    string Sampler,
    string Pruner,
    int? Trials,
    DateTimeOffset? Deadline,
    double? Target,
    double HeartbeatTimeoutSeconds = StudyPlan.DefaultHeartbeatTimeoutSeconds)
{
    public const double DefaultHeartbeatTimeoutSeconds = 60;

    public TimeSpan HeartbeatTimeout => TimeSpan.FromSeconds(HeartbeatTimeoutSeconds);

    /// <summary>The budget left at <paramref name="now"/>: the deadline becomes the time still to run.</summary>
    public Budget BudgetAt(DateTimeOffset now) =>
        new(Deadline is { } deadline ? (deadline > now ? deadline - now : TimeSpan.Zero) : null, Trials, Target);
}
