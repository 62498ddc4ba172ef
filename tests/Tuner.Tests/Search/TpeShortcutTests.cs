using Tuner.Search;
using Tuner.Search.Tpe;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Search;

/// <summary>
/// The sampler's shortcuts for long studies (codes worked out once per trial, values kept sorted between proposals,
/// rough densities screening the candidates, a split without tuples) choose exactly what the plain computation does.
/// </summary>
public sealed class TpeShortcutTests
{
    [Fact]
    public void A_sampler_that_has_seen_earlier_histories_proposes_what_a_new_one_does()
    {
        // Long enough for the bad trials' densities to take the rough path (64 kernels and more); trials run, finish
        // (a new record), get pruned or fail, so values enter and leave the sorted lists.
        var space = SearchSpaceReader.Parse("""
            {"trainers": {"sgd": {
                "x": {"type": "float", "low": -5, "high": 5},
                "y": {"type": "float", "low": 0.0001, "high": 1, "log": true},
                "n": {"type": "int", "low": 1, "high": 64, "log": true},
                "c": {"type": "categorical", "choices": ["a", "b", "c"]},
                "z": {"type": "float", "low": -1, "high": 1, "when": {"c": ["b"]}}}}}
            """, "shortcuts");
        var used = new TpeSampler(space, 11, higherIsBetter: false);
        var history = new List<TrialRecord>();
        for (var n = 0; n < 260; n++)
        {
            var proposal = used.Propose(n, history);
            Assert.Equal(new TpeSampler(space, 11, higherIsBetter: false).Propose(n, history).Key, proposal.Key);
            history.Add(SyntheticStudy.Record(n, proposal, TrialState.Running, null));
            if (n % 7 == 3) Assert.Equal(new TpeSampler(space, 11, false).Propose(n + 1, history).Key, used.Propose(n + 1, history).Key);
            if (n % 50 == 49)
            {
                // Another history in between: a shorter one, and one in another order.
                var shorter = history.Take(n / 2).ToList();
                Assert.Equal(new TpeSampler(space, 11, false).Propose(n, shorter).Key, used.Propose(n, shorter).Key);
                var shuffled = history.OrderBy(t => (t.Number * 7919) % 257).ToList();
                Assert.Equal(new TpeSampler(space, 11, false).Propose(n, shuffled).Key, used.Propose(n, shuffled).Key);
            }
            var p = proposal.Parameters;
            var value = Math.Pow(p.GetDouble("x", 0) - 1.3, 2) + Math.Abs(Math.Log10(p.GetDouble("y", 0.1)) + 2) + p.GetDouble("z", 0.5) + p.GetDouble("n", 8) / 64;
            var state = (n % 5) switch { 1 or 2 => TrialState.Pruned, 3 when n % 3 == 0 => TrialState.Failed, _ => TrialState.Complete };
            history[^1] = SyntheticStudy.Record(n, new TrialProposal(proposal.Trainer, new HyperParameters(p.Values), proposal.IsBaseline), state,
                state == TrialState.Complete ? value : null);
        }
    }

    [Fact]
    public void Rough_log_density_stays_within_its_bound()
    {
        var random = new Random(1);
        foreach (var n in new[] { 64, 65, 300, 3000 })
        {
            for (var round = 0; round < 20; round++)
            {
                var (low, high) = round % 2 == 0 ? (-5.0, 5.0) : (Math.Log(1e-7), Math.Log(0.3));
                var centre = low + (high - low) * random.NextDouble();
                var observations = Enumerable.Range(0, n).Select(i => i % 3 == 0
                    ? low + (high - low) * random.NextDouble()
                    : Math.Clamp(centre + (high - low) * 0.02 * (random.NextDouble() - 0.5), low, high)).ToList();
                var estimator = new ParzenEstimator(observations, low, high, priorWeight: 1);
                for (var i = 0; i < 50; i++)
                {
                    var x = i % 2 == 0 ? low + (high - low) * random.NextDouble() : observations[random.Next(n)];
                    var rough = estimator.RoughLogDensity(x);
                    var error = Math.Abs(rough - estimator.LogDensity(x));
                    Assert.True(error <= estimator.RoughError(rough), $"n={n}: off by {error:E3}, allowed {estimator.RoughError(rough):E3}");
                    Assert.True(error <= 1e-12, $"n={n}: off by {error:E3}");
                }
            }
        }
    }

    [Fact]
    public void The_best_candidate_is_the_one_a_plain_scan_keeps()
    {
        var random = new Random(2);
        var trainer = new TrainerSpace("sgd",
        [
            new FloatParameter("x", -1, 1, false, null),
            new IntParameter("n", 1, 40, true, null),
        ]);
        var codes = new ParameterCodes();
        for (var round = 0; round < 60; round++)
        {
            TrialCodes Trial(double x, double count) =>
                codes.Encode(trainer, new HyperParameters([new("x", x), new("n", count)]));
            var good = Enumerable.Range(0, 25).Select(_ => Trial(0.3 + 0.1 * random.NextDouble(), random.Next(3, 6))).ToList();
            var bad = Enumerable.Range(0, 500).Select(_ => Trial(2 * random.NextDouble() - 1, random.Next(1, 41))).ToList();
            for (var index = 0; index < 2; index++)
            {
                var model = ParameterModel.Create(trainer.Parameters[index], index, good, bad, 1, codes.Sorted(trainer, index))!;
                var candidates = Enumerable.Range(0, 24).Select(_ => model.Sample(random)).ToList();
                if (round % 3 == 0)
                {
                    // Near ties the rough scores cannot tell apart, and repeats.
                    candidates[5] = candidates[2];
                    candidates[9] = Math.BitIncrement((double)candidates[2]);
                }

                var (scanned, best) = (candidates[0], model.LogRatio(candidates[0]));
                foreach (var candidate in candidates.Skip(1))
                    if (model.LogRatio(candidate) > best) (scanned, best) = (candidate, model.LogRatio(candidate));
                Assert.Same(scanned, model.Best(candidates));
            }
        }
    }

    [Fact]
    public void Values_kept_sorted_between_proposals_give_the_estimator_sorting_gives()
    {
        var random = new Random(3);
        var trainer = new TrainerSpace("sgd", [new FloatParameter("x", -1, 1, false, null)]);
        var codes = new ParameterCodes();
        var sorted = codes.Sorted(trainer, 0);
        var trials = new List<TrialCodes>();
        for (var round = 0; round < 400; round++)
        {
            // Trials come, go and come back (a good trial turning bad again), enough to have values dropped and placed
            // anew; some take 0 and some -0, which only a stable sort keeps in their order.
            var value = (round % 9) switch { 0 => 0.0, 1 => -0.0, 2 => 0.5, _ => Math.Round(2 * random.NextDouble() - 1, 2) };
            trials.Add(codes.Encode(trainer, new HyperParameters([new("x", value)])));
            var share = round % 50 < 25 ? 0.9 : 0.2;
            var observed = trials.Where(_ => random.NextDouble() < share).OrderBy(_ => random.Next()).ToList();
            if (round % 5 == 0 && observed.Count > 0) observed.Add(observed[0]); // the same trial twice

            var (values, count) = sorted.Of(observed, -1, 1);
            var plain = new ParzenEstimator(observed.Select(t => t.Codes[0].Value).ToList(), -1, 1, 1);
            var kept = ParzenEstimator.OfSorted(values, count, -1, 1, 1);
            var expected = observed.Select(t => t.Codes[0].Value).Order().ToArray();
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Take(count).Select(BitConverter.DoubleToInt64Bits));
            foreach (var x in new[] { -1, -0.5, 0, 0.25, 1, 2 * random.NextDouble() - 1 })
                Assert.Equal(plain.LogDensity(x), kept.LogDensity(x));
            Assert.Equal(plain.Sample(new Random(round)), kept.Sample(new Random(round)));
        }
    }

    [Fact]
    public void The_split_orders_like_a_stable_sort_by_loss_then_number()
    {
        var random = new Random(4);
        for (var round = 0; round < 200; round++)
        {
            var history = Enumerable.Range(0, random.Next(1, 80)).Select(i =>
            {
                var state = (TrialState)random.Next(5);
                double? value = state == TrialState.Complete ? random.Next(6) switch { 0 => double.NaN, 1 => 0.0, 2 => -0.0, _ => Math.Round(random.NextDouble(), 1) } : null;
                var number = round % 2 == 0 ? i : random.Next(20);
                return new TrialRecord(i, number, state, "sgd", new HyperParameters([new("i", (double)i)]), false, DateTimeOffset.UnixEpoch, 1, 0, null, value,
                    new Dictionary<string, double>());
            }).ToList();
            foreach (var higher in new[] { true, false })
            {
                var split = TpeSplit.From(history, higher);
                var expected = Reference(history, higher);
                Assert.Equal(expected.Select(o => o.Parameters), split.Good.Concat(split.Bad).Select(o => o.Parameters));
                Assert.Equal(expected.Select(o => o.Loss), split.Good.Concat(split.Bad).Select(o => o.Loss));
                Assert.Equal(TpeSplit.GoodCount(expected.Count), split.Good.Count);
            }
        }

        // The split as it was computed before it avoided sorting tuples.
        static List<TpeObservation> Reference(IReadOnlyList<TrialRecord> history, bool higher)
        {
            static bool Scored(TrialRecord t) => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v);
            double Loss(double v) => higher ? -v : v;
            var finite = history.Where(Scored).Select(t => Loss(t.Value!.Value)).ToList();
            var liar = finite.Count > 0 ? finite.Max() : double.PositiveInfinity;
            var observations = new List<(TpeObservation Observation, int Number)>();
            foreach (var trial in history)
            {
                double? loss = trial.State switch
                {
                    TrialState.Complete when Scored(trial) => Loss(trial.Value!.Value),
                    TrialState.Pruned or TrialState.Diverged => double.PositiveInfinity,
                    TrialState.Running => liar,
                    _ => null,
                };
                if (loss is { } l) observations.Add((new TpeObservation(trial.Trainer, trial.Parameters, l), trial.Number));
            }

            return observations.OrderBy(o => o.Observation.Loss).ThenBy(o => o.Number).Select(o => o.Observation).ToList();
        }
    }

    [Fact]
    public void A_key_is_compared_without_being_built()
    {
        var parameters = new HyperParameters([new("lr", 0.1), new("loss", "log")]);
        var key = new TrialProposal("sgd", parameters, false).Key;
        Assert.True(TrialProposal.HasKey("sgd", parameters, key));
        Assert.False(TrialProposal.HasKey("sgd", parameters, key + " "));
        Assert.False(TrialProposal.HasKey("sgd", new HyperParameters([new("lr", 0.2), new("loss", "log")]), key));
        Assert.False(TrialProposal.HasKey("mlp", parameters, key));
        // Odd names that make the same key text match as the keys do.
        var odd = new TrialProposal("a", new HyperParameters([new("b", "1(")]), false).Key;
        Assert.Equal(new TrialProposal("a(b=1", HyperParameters.Empty, false).Key, odd);
        Assert.True(TrialProposal.HasKey("a(b=1", HyperParameters.Empty, odd));
    }
}
