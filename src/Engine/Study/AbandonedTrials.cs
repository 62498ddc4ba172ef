using System.Globalization;
using Tuner.Storage;

namespace Tuner.Study;

/// <summary>
/// Gives up running trials whose worker stopped: at once when that worker was a process of this machine
/// that no longer exists (a kill -9, a crash), otherwise once it has sent no heartbeat for the timeout (a
/// lost machine). They become failed "interrupted:" trials, whose configurations are retried first.
/// </summary>
public static class AbandonedTrials
{
    public static int GiveUp(IStudyStore store, long studyId, TimeSpan heartbeatTimeout)
    {
        var gone = store.RunningWorkers(studyId).Where(WorkerIdentity.IsGone).ToList();
        var failed = store.FailTrialsOf(studyId, gone, $"{TrialRecord.InterruptedPrefix} the process running it stopped");
        return failed + store.FailSilentTrials(studyId, heartbeatTimeout, string.Create(CultureInfo.InvariantCulture,
            $"{TrialRecord.InterruptedPrefix} its worker sent no heartbeat for {heartbeatTimeout.TotalSeconds:G4} s"));
    }
}
