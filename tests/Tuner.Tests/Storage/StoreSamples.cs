using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Storage;

/// <summary>Small studies, proposals, results and steps to write into a store.</summary>
public static class StoreSamples
{
    public static StudyConfig Config(bool higherIsBetter = true) => new(
        "/data/spam.csv", null, "0123456789abcdef", "type", "binary", "auc", higherIsBetter, 42, 1, [], ["ham", "spam"], "spam",
        460, 57, "57 numeric columns standardised", ["sgd"], """{ "trainers": { "sgd": {} } }""", [280, 180]);

    public static TrialProposal Proposal(int i) =>
        new("sgd", new HyperParameters([new("learning_rate", 0.001 * (i + 1)), new("loss", "log")]), IsBaseline: i == 0);

    public static TrialResult Complete(double value) => new(
        TrialState.Complete, value, new Dictionary<string, double> { ["valid_auc"] = value, ["train_auc"] = value + 0.01 }, 1.5, 123_456, null);

    public static EpochRecord Step(int epoch, double metric) => new(epoch, 0.5 / epoch, 0.6 / epoch, metric, 0.01, 1.0, 2.0, [0.1, 0.2]);

    /// <summary>Claims the next free number the way a runner does: read the changes, take max + 1, retry when taken.</summary>
    public static TrialRecord ClaimNext(Tuner.Storage.IStudyStore store, long studyId, TrialProposal proposal, string worker)
    {
        while (true)
        {
            var trials = store.LoadTrials(studyId);
            var number = trials.Count == 0 ? 0 : trials.Max(t => t.Number) + 1;
            if (store.TryStartTrial(studyId, number, proposal, worker) is { } trial) return trial;
        }
    }
}
