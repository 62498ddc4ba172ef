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
    public static int GiveUp(IStudyStore store, long studyId, TimeSpan heartbeatTimeout)
    {
        var gone = store.RunningWorkers(studyId).Where(WorkerIdentity.IsGone).ToList();
        var interrupted = store.InterruptTrialsOf(studyId, gone, "the process running it stopped");
        return interrupted + store.InterruptSilentTrials(studyId, heartbeatTimeout, string.Create(CultureInfo.InvariantCulture,
            $"its worker sent no heartbeat for {heartbeatTimeout.TotalSeconds:G4} s"));
    }
}
