using System.Diagnostics;
using Tuner.Storage;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Benchmarks;

/// <summary>Milliseconds one trial spent in each store call the runner makes for it.</summary>
public sealed record TrialTiming(double Claim, double Steps, double Finish, double Sync)
{
    public double Total => Claim + Steps + Finish + Sync;
}

/// <summary>What was measured when the study reached one size.</summary>
public sealed record SizeTiming(int Trials, IReadOnlyList<TrialTiming> Batched, IReadOnlyList<TrialTiming> StepByStep, double FullReloadMs);

/// <summary>
/// Grows one study trial by trial through the store exactly as the runner does (incremental history, numbered
/// claim, steps through a <see cref="StepBuffer"/>, result, changes read again), timing each call. When the
/// study reaches a measured size it also runs a few trials writing each step with its own call (what a trial
/// with epochs slower than the buffer's interval costs), and times reading the whole history, which is what
/// every proposal cost before the history became incremental.
/// </summary>
public static class OverheadRun
{
    private const int Window = 100;
    private const int StepByStepTrials = 30;
    private const int WarmUpTrials = 300;

    public static IReadOnlyList<SizeTiming> Measure(Func<IStudyStore> open, IReadOnlyList<int> sizes, int steps)
    {
        using var store = open();
        // A study of its own first, so the JIT, the connection pool and prepared statements are warm when timing starts.
        var warmUp = store.CreateStudy("warm-up", Config());
        var warmHistory = new StudyHistory(store, warmUp.Id);
        for (var w = 0; w < WarmUpTrials; w++) RunTrial(store, warmUp.Id, warmHistory, w, steps, buffered: w % 2 == 0);

        var study = store.CreateStudy("overhead", Config());
        var history = new StudyHistory(store, study.Id);
        var batched = new List<TrialTiming>();
        var results = new List<SizeTiming>();
        var n = 0;
        foreach (var size in sizes.Order())
        {
            while (history.Trials.Count < size) batched.Add(RunTrial(store, study.Id, history, n++, steps, buffered: true));
            var window = batched.TakeLast(Window).ToList();
            var clock = Stopwatch.StartNew();
            store.LoadTrials(study.Id);
            var reload = clock.Elapsed.TotalMilliseconds;
            var stepByStep = Enumerable.Range(0, StepByStepTrials).Select(_ => RunTrial(store, study.Id, history, n++, steps, buffered: false)).ToList();
            results.Add(new SizeTiming(size, window, stepByStep, reload));
        }

        return results;
    }

    private static TrialTiming RunTrial(IStudyStore store, long studyId, StudyHistory history, int n, int steps, bool buffered)
    {
        var clock = Stopwatch.StartNew();
        history.Sync();
        var number = history.Trials.Count == 0 ? 0 : history.Trials[^1].Number + 1;
        var trial = store.TryStartTrial(studyId, number, Proposal(n), "benchmark")!;
        var claim = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var buffer = new StepBuffer(store, trial.Id);
        for (var epoch = 1; epoch <= steps; epoch++)
        {
            if (buffered) buffer.Add(Step(epoch));
            else store.ReportSteps(trial.Id, [Step(epoch)]);
        }

        buffer.Flush();
        var stepsMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        store.FinishTrial(trial.Id, Result(n));
        var finish = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        history.Sync();
        return new TrialTiming(claim, stepsMs, finish, clock.Elapsed.TotalMilliseconds);
    }

    private static StudyConfig Config() => new(
        "/data/bench.csv", null, "0123456789abcdef", "y", "binary", "auc", true, 1, 1, [], ["a", "b"], "b", 1000, 20, "20 numeric", ["sgd"], "{}");

    private static TrialProposal Proposal(int n) => new("sgd", new HyperParameters(
    [
        new("learning_rate", 1e-4 * (1 + n % 997)), new("l2", 1e-7 * (1 + n)), new("loss", n % 2 == 0 ? "log" : "hinge"),
        new("schedule", "cosine"), new("batch_size", 32.0), new("epochs", 50.0),
    ]), IsBaseline: false);

    private static EpochRecord Step(int epoch) => new(epoch, 1.0 / epoch, 1.1 / epoch, 0.9 - 0.1 / epoch, 0.01, 0.5, 3.0, [0.5]);

    private static TrialResult Result(int n) => new(TrialState.Complete, 0.9 + n % 100 / 1000.0,
        new Dictionary<string, double>
        {
            ["valid_auc"] = 0.9, ["train_auc"] = 0.92, ["valid_accuracy"] = 0.85, ["train_accuracy"] = 0.87,
            ["valid_logloss"] = 0.3, ["train_logloss"] = 0.28, ["valid_f1"] = 0.8, ["train_f1"] = 0.82,
        }, 1.0, 100_000_000, null);
}
