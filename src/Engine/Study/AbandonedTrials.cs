using System.Globalization;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Gives up running trials whose worker stopped: at once when that worker was a process of this machine
/// that no longer exists (a kill -9, a crash), otherwise once it has sent no heartbeat for the timeout (a
/// lost machine). They become interrupted trials, whose configurations are retried first.
/// </summary>
internal static class AbandonedTrials
{
    public static int GiveUp(IStudyStore store, long studyId, TimeSpan heartbeatTimeout) =>
        GiveUpGone(store, studyId) + GiveUpSilent(store, studyId, heartbeatTimeout);

    /// <summary>The trials of processes of this machine that no longer exist.</summary>
    public static int GiveUpGone(IStudyStore store, long studyId)
    {
        var gone = store.RunningWorkers(studyId).Where(WorkerIdentity.IsGone).ToList();
        return store.InterruptTrialsOf(studyId, gone, "the process running it stopped");
    }

    /// <summary>The trials whose worker sent no heartbeat for the timeout.</summary>
    public static int GiveUpSilent(IStudyStore store, long studyId, TimeSpan heartbeatTimeout) =>
        store.InterruptSilentTrials(studyId, heartbeatTimeout, string.Create(CultureInfo.InvariantCulture,
            $"its worker sent no heartbeat for {heartbeatTimeout.TotalSeconds:G4} s"));
}
