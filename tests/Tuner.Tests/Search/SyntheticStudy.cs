using Tuner.Search;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Tests.Search;

/// <summary>A sequential study loop over a synthetic objective, and the history records it builds.</summary>
internal static class SyntheticStudy
{
    /// <summary>One trainer "sgd": x in [-5, 5], y log-scale in [1e-4, 1], c in {a, b, c}.</summary>
    public static SearchSpace Space { get; } = SearchSpaceReader.Parse("""
        {"trainers": {"sgd": {
            "x": {"type": "float", "low": -5, "high": 5},
            "y": {"type": "float", "low": 0.0001, "high": 1, "log": true},
            "c": {"type": "categorical", "choices": ["a", "b", "c"]}}}}
        """, "synthetic");

    /// <summary>Minimum 0 at x = 1.3, y = 0.01, c = b. The baseline sets nothing: it is scored at x = 0, y = 0.1, c = a.</summary>
    public static double Objective(HyperParameters p)
    {
        var x = p.GetDouble("x", 0);
        var y = p.GetDouble("y", 0.1);
        return Math.Pow(x - 1.3, 2) + Math.Pow(Math.Log10(y) + 2, 2) + (p.GetString("c", "a") == "b" ? 0 : 1);
    }

    /// <summary>Runs <paramref name="trials"/> trials one after another and returns the objective of each.</summary>
    public static List<double> Run(ISampler sampler, int trials, Func<HyperParameters, double> objective)
    {
        var history = new List<TrialRecord>();
        for (var n = 0; n < trials; n++)
        {
            var proposal = sampler.Propose(n, history);
            history.Add(Complete(n, proposal, objective(proposal.Parameters)));
        }

        return history.Select(t => t.Value!.Value).ToList();
    }

    public static TrialRecord Complete(int number, TrialProposal proposal, double value) =>
        Record(number, proposal, TrialState.Complete, value);

    public static TrialRecord Record(int number, TrialProposal proposal, TrialState state, double? value, double seconds = 1) =>
        new(number, number, state, proposal.Trainer, proposal.Parameters, proposal.IsBaseline,
            DateTimeOffset.UnixEpoch, seconds, 0, null, value, new Dictionary<string, double>());
}
