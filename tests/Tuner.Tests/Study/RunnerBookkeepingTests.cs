using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Study;

/// <summary>What the runner asks of the history after every trial, in one pass, answers as the full computations did.</summary>
public sealed class RunnerBookkeepingTests
{
    [Fact]
    public void Best_is_the_first_complete_trial_of_the_ranking()
    {
        var random = new Random(1);
        for (var round = 0; round < 300; round++)
        {
            var history = RandomHistory(random, round);
            foreach (var higher in new[] { true, false })
                Assert.Same(
                    Ranking.Rank(history, higher).FirstOrDefault(t => t.State == TrialState.Complete && t.Value.HasValue),
                    Ranking.Best(history, higher));
        }
    }

    [Fact]
    public void Top_is_the_head_of_the_ranking_of_complete_trials_with_a_finite_value()
    {
        var random = new Random(4);
        for (var round = 0; round < 300; round++)
        {
            var history = RandomHistory(random, round);
            foreach (var higher in new[] { true, false })
                Assert.Equal(
                    Ranking.Rank(history, higher).Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).Take(5),
                    Ranking.Top(history, 5, higher));
        }
    }

    [Fact]
    public void The_next_retry_is_the_first_stopped_configuration_no_later_trial_ran()
    {
        var random = new Random(2);
        for (var round = 0; round < 300; round++)
        {
            var history = RandomHistory(random, round);
            var settled = history.Where(t => !t.IsRetryable).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            var expected = history.Where(t => t.IsRetryable && !settled.Contains(t.Key)).OrderBy(t => t.Number).FirstOrDefault();
            var next = Retries.Next(history);
            Assert.Equal(expected is null, next is null);
            if (expected is not null) Assert.Same(expected.Parameters, next!.Parameters);
        }
    }

    [Fact]
    public void Seen_configurations_answer_as_a_set_of_keys_does()
    {
        var random = new Random(3);
        for (var round = 0; round < 100; round++)
        {
            var history = RandomHistory(random, round);
            var keys = history.Where(t => !t.IsRetryable).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            var seen = new SeenConfigurations(history);
            foreach (var key in history.Select(t => t.Key).Append("sgd(x=0.5)").Append("mlp()"))
                Assert.Equal(keys.Contains(key), seen.Contains(key));
        }
    }

    /// <summary>Trials of every state with few distinct values and parameters (ties, repeats, stopped ones), numbers in order or not.</summary>
    private static List<TrialRecord> RandomHistory(Random random, int round) =>
        Enumerable.Range(0, random.Next(0, round % 10 == 0 ? 200 : 40)).Select(i =>
        {
            var state = (TrialState)random.Next(5);
            double? value = state == TrialState.Complete
                ? random.Next(8) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => null, _ => Math.Round(random.NextDouble(), 1) }
                : null;
            string? error = null;
            if (state == TrialState.Failed)
                (state, error) = random.Next(3) switch
                {
                    0 => (TrialState.Cancelled, "time budget spent"),
                    1 => (TrialState.Interrupted, "x"),
                    _ => (TrialState.Failed, "ArgumentException: bad"),
                };
            var number = round % 2 == 0 ? i : random.Next(30);
            var parameters = new HyperParameters([new("x", random.Next(6) / 10.0)]);
            return new TrialRecord(i, number, state, random.Next(4) == 0 ? "mlp" : "sgd", parameters, false, DateTimeOffset.UnixEpoch, 1, 0, error, value,
                new Dictionary<string, double>());
        }).ToList();
}
