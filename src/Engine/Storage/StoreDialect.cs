using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Storage;

/// <summary>
/// What differs between the engines behind <see cref="RelationalStudyStore"/>: how a call gets its connection
/// (SQLite: one connection under a lock; PostgreSQL: a pooled one, retried through outages), how values and
/// lists are passed, whose clock a heartbeat reads, and the four busy statements each engine writes in its
/// own fastest way (PostgreSQL in one statement each, so a retry can tell whether an attempt went through).
/// A dialect opens its store already migrated to <see cref="SchemaMigrations.Latest"/>.
/// </summary>
internal abstract class StoreDialect : IDisposable
{
    public abstract string Location { get; }

    public abstract bool IsShared { get; }

    /// <summary>Runs one store call; <paramref name="work"/> gets the session and the attempt number (0, then 1... on a retry).</summary>
    public abstract T Run<T>(string action, Func<StoreSession, int, T> work);

    /// <summary>A timestamp as its column takes it.</summary>
    public abstract object Timestamp(DateTimeOffset value);

    /// <summary>A list parameter, for <see cref="In"/>.</summary>
    public abstract object List<T>(IReadOnlyCollection<T> values);

    /// <summary>A condition: <paramref name="column"/> is one of the list given as <paramref name="parameter"/>.</summary>
    public abstract string In(string column, string parameter);

    /// <summary>The current time as the heartbeat column holds it.</summary>
    public abstract string Now { get; }

    /// <summary>A condition: the trial's last heartbeat is older than <paramref name="seconds"/> (a parameter) ago, or it has none.</summary>
    public abstract string HeartbeatOlderThan(string seconds);

    /// <summary>A table k(trial_id, after) of these trials and steps, with its parameters.</summary>
    public abstract (string Table, (string Name, object? Value)[] Parameters) StepsAfter(IReadOnlyCollection<(long TrialId, int AfterStep)> trials);

    /// <inheritdoc cref="IStudyStore.TryStartTrial"/>
    public abstract long? StartTrial(long studyId, int number, TrialProposal proposal, string worker, DateTimeOffset started);

    /// <inheritdoc cref="IStudyStore.ReportSteps"/>
    public abstract void ReportSteps(long trialId, IReadOnlyList<EpochRecord> steps);

    /// <inheritdoc cref="IStudyStore.FinishTrial"/>
    public abstract bool FinishTrial(long trialId, TrialResult result);

    /// <inheritdoc cref="IStudyStore.LoadChanges"/>
    public abstract TrialChanges LoadChanges(long studyId, long sinceVersion);

    public abstract void Dispose();
}
