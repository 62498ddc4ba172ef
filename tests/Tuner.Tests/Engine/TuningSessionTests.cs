using Tuner.Engine;
using Tuner.Search;
using Tuner.Storage;
using Tuner.Study;

namespace Tuner.Tests.Engine;

/// <summary>The engine from C#, without the command line: run, resume, read, components as objects, cancellation.</summary>
public sealed class TuningSessionTests
{
    private static readonly string Cancer = Samples.Data("breastcancer_wisc_na.csv");

    private static StudyOptions Options(string directory, int trials) => new()
    {
        Data = Cancer, Label = "Class", IgnoreColumns = ["Id"], Trials = trials, Trainers = ["lbfgs", "lightgbm"], Sampler = "random", Pruner = "none",
        Parallel = 1, Study = "api", Out = directory,
    };

    [Fact]
    public async Task A_study_runs_resumes_and_is_read_back_from_csharp()
    {
        var directory = Samples.TempDirectory();
        var progress = new RecordingProgress();

        using (var session = TuningSession.Open(Options(directory, trials: 4)))
        {
            var outcome = await session.RunAsync(progress);
            Assert.Equal(0, session.TrialsBefore);
            Assert.Equal(4, outcome.Ranked.Count);
            Assert.NotNull(outcome.Best);
            Assert.All(outcome.Files, file => Assert.True(File.Exists(file), file));
            Assert.Contains(outcome.Files, f => Path.GetFileName(f) == "best.json");
        }

        Assert.Equal([0, 1, 2, 3], progress.Started.Select(t => t.Number));
        Assert.Equal([0, 1, 2, 3], progress.Finished.Select(t => t.Number));

        StudyOutcome resumed;
        using (var session = TuningSession.Open(Options(directory, trials: 7)))
        {
            Assert.Equal(4, session.TrialsBefore);
            resumed = await session.RunAsync();
        }

        var read = TuningSession.Read(Path.Combine(directory, "study.db"), "api");
        Assert.Equal(Enumerable.Range(0, 7), read.Ranked.Select(t => t.Number).Order());
        Assert.Equal(resumed.Best!.Number, read.Best!.Number);
    }

    [Fact]
    public async Task Sampler_pruner_store_and_space_are_objects_the_caller_passes()
    {
        var directory = Samples.TempDirectory();
        using var store = RelationalStudyStore.OpenSqlite(Path.Combine(directory, "own.db"));
        var space = SearchSpaceReader.Parse("""{"trainers": {"sgd": {"learning_rate": {"type": "float", "low": 0.001, "high": 0.1, "log": true}, "epochs": {"value": 4}}}}""", "test space");
        CountingSampler? sampler = null;
        var pruner = new CountingPruner();
        var components = new StudyComponents
        {
            Store = store,
            Space = space,
            Sampler = context => sampler = new CountingSampler(new RandomSampler(context.Space, context.Seed)),
            Pruner = _ => pruner,
        };

        using (var session = TuningSession.Open(Options(directory, trials: 5), components))
            await session.SearchAsync();

        Assert.Equal(5, sampler!.Proposals);
        var trials = store.LoadTrials(store.FindStudy("api")!.Id);
        Assert.Equal(5, trials.Count);
        Assert.All(trials, t => Assert.Equal("sgd", t.Trainer));
        Assert.True(pruner.Checks > 0);
        Assert.Equal("custom", store.FindStudy("api")!.Plan!.Sampler);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_search_and_keeps_every_finished_trial()
    {
        var directory = Samples.TempDirectory();
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress();
        progress.OnFinished = count => { if (count == 3) cancel.Cancel(); };

        using (var session = TuningSession.Open(Options(directory, trials: 1000) with { Trainers = ["sgd"] }))
        {
            await session.SearchAsync(progress, cancel.Token);
            Assert.True(cancel.IsCancellationRequested);
        }

        var trials = TuningSession.Read(Path.Combine(directory, "study.db"), "api").Ranked;
        Assert.InRange(trials.Count(t => t.State == TrialState.Complete), 3, 4);
        Assert.True(trials.Count < 1000);
    }

    [Fact]
    public void A_bad_option_is_one_clear_line_before_anything_is_stored()
    {
        var directory = Samples.TempDirectory();

        var error = Assert.Throws<UserInputException>(() => TuningSession.Open(Options(directory, trials: 3) with { Parallel = 0 }));

        Assert.Contains("--parallel 0", error.Message);
        Assert.False(File.Exists(Path.Combine(directory, "study.db")));
    }

    private sealed class RecordingProgress : IStudyProgress
    {
        public List<TrialRecord> Started { get; } = [];

        public List<TrialRecord> Finished { get; } = [];

        public Action<int>? OnFinished { get; set; }

        public void TrialStarted(TrialRecord trial)
        {
            lock (Started) Started.Add(trial);
        }

        public void TrialFinished(TrialRecord trial, TrialResult result, TrialRecord? best)
        {
            int count;
            lock (Finished)
            {
                Finished.Add(trial);
                count = Finished.Count;
            }

            OnFinished?.Invoke(count);
        }
    }

    private sealed class CountingSampler(ISampler inner) : ISampler
    {
        public int Proposals { get; private set; }

        public TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history)
        {
            Proposals++;
            return inner.Propose(trialNumber, history);
        }
    }

    private sealed class CountingPruner : IPruner
    {
        private int _checks;

        public int Checks => _checks;

        public string? Check(int trial, int step, double value, CurveBoard board)
        {
            Interlocked.Increment(ref _checks);
            return null;
        }
    }
}
