using Tuner.Trainers.Training;

namespace Tuner.Search.Tpe;

/// <summary>
/// l(x) and g(x) of one searched parameter, estimated from the good and bad observations in which it was
/// active. Numbers are modelled in the internal space (log for log-scale); integers on [low - 0.5, high + 0.5]
/// and rounded after sampling, their ratio taken at the rounded value.
/// </summary>
internal abstract class ParameterModel
{
    public abstract object Sample(Random random);

    /// <summary>log l(x) - log g(x); larger means more typical of the good trials.</summary>
    public abstract double LogRatio(object value);

    /// <summary>
    /// The candidate with the largest <see cref="LogRatio"/>, the first of equal ones: what a scan that keeps a
    /// candidate only when a later one scores strictly higher returns.
    /// </summary>
    public virtual object Best(IReadOnlyList<object> candidates)
    {
        var best = 0;
        var bestScore = LogRatio(candidates[0]);
        for (var i = 1; i < candidates.Count; i++)
        {
            var score = LogRatio(candidates[i]);
            if (score > bestScore) (best, bestScore) = (i, score);
        }

        return candidates[best];
    }

    /// <summary>
    /// The model of a parameter, or null when it has too few good observations to be worth one. The observations are
    /// their trials' <see cref="TrialCodes"/>, of which the parameter's is at <paramref name="index"/>; the bad ones'
    /// numbers come sorted from <paramref name="sorted"/>.
    /// </summary>
    public static ParameterModel? Create(
        ParameterSpec spec, int index, IReadOnlyList<TrialCodes> good, IReadOnlyList<TrialCodes> bad, double priorWeight, SortedValues sorted)
    {
        const int MinGood = 2;
        switch (spec)
        {
            case FloatParameter or IntParameter:
            {
                var scale = NumericScale.Of(spec);
                var goodValues = Values(index, good);
                if (goodValues.Count < MinGood) return null;
                var (badValues, badCount) = sorted.Of(bad, scale.Low, scale.High);
                return new NumericModel(scale,
                    new ParzenEstimator(goodValues, scale.Low, scale.High, priorWeight),
                    ParzenEstimator.OfSorted(badValues, badCount, scale.Low, scale.High, priorWeight));
            }
            case CategoricalParameter categorical:
            {
                var goodCounts = Counts(index, good, categorical.Choices.Count);
                return goodCounts.Sum() < MinGood ? null : new CategoricalModel(categorical,
                    new CategoricalEstimator(goodCounts, priorWeight),
                    new CategoricalEstimator(Counts(index, bad, categorical.Choices.Count), priorWeight));
            }
            default:
                return null;
        }
    }

    /// <summary>The parameter's value (internal number or choice index) in each observation where it was set and usable.</summary>
    private static List<double> Values(int index, IReadOnlyList<TrialCodes> observations)
    {
        var values = new List<double>(observations.Count);
        foreach (var codes in observations)
            if (codes.Codes[index] is { Has: true } code)
                values.Add(code.Value);
        return values;
    }

    /// <summary>How many of the observations took each choice of the parameter at <paramref name="index"/>.</summary>
    private static double[] Counts(int index, IReadOnlyList<TrialCodes> observations, int choices)
    {
        var counts = new double[choices];
        foreach (var codes in observations)
            if (codes.Codes[index] is { Has: true } code)
                counts[(int)code.Value]++;
        return counts;
    }

    internal static int IndexOf(CategoricalParameter spec, object value)
    {
        var text = HyperParameters.Format(value);
        for (var i = 0; i < spec.Choices.Count; i++)
            if (HyperParameters.Format(spec.Choices[i]) == text) return i;
        return -1;
    }

    private sealed class NumericModel(NumericScale scale, ParzenEstimator l, ParzenEstimator g) : ParameterModel
    {
        public override object Sample(Random random) => scale.FromInternal(l.Sample(random));

        public override double LogRatio(object value)
        {
            var x = scale.ToInternal((double)value);
            return l.LogDensity(x) - g.LogDensity(x);
        }

        /// <summary>
        /// The same choice as the scan, for less: g has a kernel per bad trial (thousands in a long study), so each
        /// distinct candidate is first scored with g's rough density, and only candidates the rough scores cannot
        /// tell from the best (within their error) are scored exactly, as <see cref="LogRatio"/> does.
        /// </summary>
        public override object Best(IReadOnlyList<object> candidates)
        {
            // A value drawn twice scores the same both times, so only its first draw can win.
            var xs = new double[candidates.Count];
            var distinct = new List<int>(candidates.Count);
            for (var i = 0; i < candidates.Count; i++)
            {
                xs[i] = scale.ToInternal((double)candidates[i]);
                if (Array.IndexOf(xs, xs[i], 0, i) < 0) distinct.Add(i);
            }

            var rough = new double[candidates.Count];
            var error = new double[candidates.Count];
            var top = distinct[0];
            foreach (var i in distinct)
            {
                var density = g.RoughLogDensity(xs[i]);
                rough[i] = l.LogDensity(xs[i]) - density;
                error[i] = g.RoughError(density) + 1e-12 * Math.Abs(rough[i]);
                if (!double.IsFinite(rough[i])) return base.Best(candidates);
                if (rough[i] > rough[top]) top = i;
            }

            // A candidate whose score is surely below the top one's cannot win; if only the top one is left, it wins.
            var floor = rough[top] - error[top];
            var contenders = distinct.Where(i => rough[i] + error[i] >= floor).ToList();
            if (contenders.Count == 1) return candidates[top];
            var best = contenders[0];
            var bestScore = LogRatio(candidates[best]);
            foreach (var i in contenders.Skip(1))
            {
                var score = LogRatio(candidates[i]);
                if (score > bestScore) (best, bestScore) = (i, score);
            }

            return candidates[best];
        }
    }

    private sealed class CategoricalModel(CategoricalParameter spec, CategoricalEstimator l, CategoricalEstimator g) : ParameterModel
    {
        public override object Sample(Random random) => spec.Choices[l.Sample(random)];

        public override double LogRatio(object value)
        {
            var i = IndexOf(spec, value);
            return l.LogDensity(i) - g.LogDensity(i);
        }
    }
}
