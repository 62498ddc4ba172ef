using Tuner.Search.Tpe;
using Tuner.Trainers.Components;
using Tuner.Study;
using Tuner.Trainers.Training;

namespace Tuner.Search;

/// <summary>
/// Tree-structured Parzen Estimator (Bergstra et al. 2011), in the spirit of Optuna's TPESampler.
/// Each trainer's defaults come first, then the space's starts, and then <see cref="TpeOptions.StartupTrials"/> random trials (all
/// exactly as <see cref="RandomSampler"/> draws them, except that with <see cref="TpeOptions.PerSecond"/> a startup
/// trial's trainer is chosen by its cost for improvement too, so that a few random trials of a trainer whose trials
/// take a tenth of the budget cannot use it up before the model starts); after that the finished trials are split into the best
/// gamma(n) and the rest (see <see cref="TpeSplit"/>), the trainer is chosen like a categorical parameter (or,
/// with <see cref="TpeOptions.PerSecond"/>, by its estimated cost for improvement: <see cref="TrainerChoice"/>), and
/// each of its parameters that is active under the values chosen so far is drawn from its own l(x)/g(x) model
/// built only on the trials of that trainer in which the parameter was active — independent TPE over the
/// active sub-space, which is how conditional parameters are handled. A parameter with fewer than two good
/// observations is drawn from its prior. Per parameter, the best of <see cref="TpeOptions.Candidates"/> draws
/// from l wins (Optuna's default, independent sampling). Should that configuration already be in the history,
/// whole configurations drawn from l are tried in order of their summed log ratio, and finally a random draw.
/// The draw for trial n depends only on the seed, n and the history, so the same inputs give the same proposal.
/// </summary>
public sealed class TpeSampler : ISampler
{
    private const int Salt = 0x2545F491;

    internal static readonly ParameterInfo StartupSetting =
        ParameterInfo.Int("startup", TpeOptions.Default.StartupTrials, "random trials before the model is used", min: 0);

    internal static readonly ParameterInfo CandidatesSetting =
        ParameterInfo.Int("candidates", TpeOptions.Default.Candidates, "draws from the good density per parameter", min: 1);

    internal static readonly ParameterInfo PriorSetting =
        ParameterInfo.Float("prior", TpeOptions.Default.PriorWeight, "weight of the uniform prior in every density", min: 0, minExclusive: true);

    internal static readonly ParameterInfo PerSecondSetting =
        ParameterInfo.Bool("per-second", null, "choose the trainer by its expected cost for improvement").DefaultingTo("on under a time budget, else off");

    internal static ComponentEntry<SamplerCreator> Entry { get; } = new(
        "tpe", "Tree-structured Parzen Estimator, the default", [CandidatesSetting, StartupSetting, PriorSetting, PerSecondSetting],
        (settings, context) => new TpeSampler(context.Space, context.Seed, context.HigherIsBetter, new TpeOptions(
            StartupTrials: settings.Int(StartupSetting),
            Candidates: settings.Int(CandidatesSetting),
            PriorWeight: settings.Double(PriorSetting),
            PerSecond: settings.Bool(PerSecondSetting, context.TimeBudget))));

    private readonly SearchSpace space;
    private readonly int seed;
    private readonly bool higherIsBetter;
    private readonly TpeOptions options;
    private readonly RandomSampler fallback;
    private readonly IReadOnlyList<TrialProposal> starts;
    private readonly HistoryIndex index;
    private readonly Lock historyGate = new();
    private readonly Lock overheadGate = new();
    private double overheadSeconds;
    private double timeLeftSeconds = double.PositiveInfinity;

    public TpeSampler(SearchSpace space, int seed, bool higherIsBetter, TpeOptions? options = null)
    {
        this.space = space;
        this.seed = seed;
        this.higherIsBetter = higherIsBetter;
        this.options = options ?? TpeOptions.Default;
        this.options.Validate();
        fallback = new RandomSampler(space, seed);
        starts = space.StartProposals();
        index = new HistoryIndex(space);
    }

    public TpeOptions Options => options;

    /// <summary>Keeps a moving average: tens of ms per trial once a study holds thousands, more than a small trial trains.</summary>
    public void ObserveOverhead(TimeSpan overhead)
    {
        lock (overheadGate) overheadSeconds = 0.9 * overheadSeconds + 0.1 * Math.Max(0, overhead.TotalSeconds);
    }

    private double CurrentOverheadSeconds
    {
        get { lock (overheadGate) return overheadSeconds; }
    }

    public void ObserveTimeLeft(TimeSpan left)
    {
        lock (overheadGate) timeLeftSeconds = left.TotalSeconds;
    }

    private double CurrentTimeLeftSeconds
    {
        get { lock (overheadGate) return timeLeftSeconds; }
    }

    public TrialProposal Propose(int trialNumber, IReadOnlyList<TrialRecord> history)
    {
        lock (historyGate) // the history index and the sorted values are shared by proposals
        {
            index.Update(history, higherIsBetter);
            // Startup counts finished non-baseline trials that tell the model something (Optuna counts finished ones too).
            if (!index.BaselinesDone()) return fallback.Propose(trialNumber, history);
            if (starts.FirstOrDefault(start => !index.Seen(start.Key)) is { } start) return start;
            var random = RandomSampler.ForTrial(seed, trialNumber, Salt);
            if (index.Informative() < options.StartupTrials)
                return options.PerSecond ? RandomDraw(ChooseByCost(history), random) ?? fallback.Propose(trialNumber, history) : fallback.Propose(trialNumber, history);

            var split = index.Split();
            var trainer = ChooseTrainer(split, history, random);
            var models = new TrainerModels(trainer, Codes(split.Good, trainer), Codes(split.Bad, trainer), options.PriorWeight, index.Codes);
            var best = Propose(trainer, Independent(trainer, models, random));
            if (!index.Seen(best.Key)) return best;

            var joint = Enumerable.Range(0, options.Candidates)
                .Select(_ => Joint(trainer, models, random))
                .OrderByDescending(c => c.Score)
                .Select(c => Propose(trainer, c.Values));
            return joint.FirstOrDefault(p => !index.Seen(p.Key)) ?? fallback.Propose(trialNumber, history);
        }
    }

    /// <summary>The codes of the trials at these positions that ran <paramref name="trainer"/> (by name), in order.</summary>
    private List<TrialCodes> Codes(int[] positions, TrainerSpace trainer)
    {
        var codes = new List<TrialCodes>(positions.Length);
        foreach (var position in positions)
            if (index.TrainerAt(position) is >= 0 and var t && space.Trainers[t].Trainer == trainer.Trainer)
                codes.Add(index.CodesAt(position, trainer));
        return codes;
    }

    private TrainerSpace ChooseTrainer((int[] Good, int[] Bad, double[] Losses) split, IReadOnlyList<TrialRecord> history, Random random)
    {
        if (space.Trainers.Count == 1) return space.Trainers[0];
        if (options.PerSecond) return ChooseByCost(history);
        var names = space.Trainers.Select(t => t.Trainer).ToList();
        var l = new CategoricalEstimator(split.Good.Select(index.TrainerAt).Where(i => i >= 0), names.Count, options.PriorWeight);
        var g = new CategoricalEstimator(split.Bad.Select(index.TrainerAt).Where(i => i >= 0), names.Count, options.PriorWeight);
        var best = BestOf(random, () => l.Sample(random), i => l.LogDensity(i) - g.LogDensity(i));
        return space.Trainers[best];
    }

    private TrainerSpace ChooseByCost(IReadOnlyList<TrialRecord> history) =>
        space.Trainers[TrainerChoice.Choose(space.Trainers.Select(t => t.Trainer).ToList(), history, higherIsBetter, CurrentOverheadSeconds, CurrentTimeLeftSeconds,
            DateTimeOffset.UtcNow)];

    /// <summary>A configuration of the trainer drawn from its ranges that the history does not hold, if one turns up in a few draws.</summary>
    private TrialProposal? RandomDraw(TrainerSpace trainer, Random random)
    {
        for (var attempt = 0; attempt < 100; attempt++)
            if (Propose(trainer, trainer.Sample(random)) is var proposal && !index.Seen(proposal.Key)) return proposal;
        return null;
    }

    private Dictionary<string, object> Independent(TrainerSpace trainer, TrainerModels models, Random random)
    {
        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in ActiveInOrder(trainer, chosen))
        {
            chosen[parameter.Name] = parameter is FixedParameter f ? f.Value
                : models.For(parameter) is { } model ? model.Best(Draw(random, model))
                : parameter.Sample(random);
        }

        return chosen;
    }

    private static (Dictionary<string, object> Values, double Score) Joint(TrainerSpace trainer, TrainerModels models, Random random)
    {
        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        var score = 0.0;
        foreach (var parameter in ActiveInOrder(trainer, chosen))
        {
            if (parameter is not FixedParameter && models.For(parameter) is { } model)
            {
                var value = model.Sample(random);
                score += model.LogRatio(value);
                chosen[parameter.Name] = value;
            }
            else
            {
                chosen[parameter.Name] = parameter.Sample(random);
            }
        }

        return (chosen, score);
    }

    /// <summary>Yields the parameters in order, each only if its condition holds on the values set so far.</summary>
    private static IEnumerable<ParameterSpec> ActiveInOrder(TrainerSpace trainer, Dictionary<string, object> chosen) =>
        trainer.Parameters.Where(p => p.When is null || p.When.Holds(chosen));

    /// <summary>The candidates a parameter's best is chosen from, drawn in the order <see cref="BestOf"/> would draw them.</summary>
    private object[] Draw(Random random, ParameterModel model)
    {
        var candidates = new object[options.Candidates];
        for (var i = 0; i < candidates.Length; i++) candidates[i] = model.Sample(random);
        return candidates;
    }

    private T BestOf<T>(Random random, Func<T> draw, Func<T, double> score)
    {
        var best = draw();
        var bestScore = score(best);
        for (var i = 1; i < options.Candidates; i++)
        {
            var candidate = draw();
            var s = score(candidate);
            if (s > bestScore) (best, bestScore) = (candidate, s);
        }

        return best;
    }

    private static TrialProposal Propose(TrainerSpace trainer, Dictionary<string, object> values) =>
        new(trainer.Trainer, new HyperParameters(values), IsBaseline: false);
}
