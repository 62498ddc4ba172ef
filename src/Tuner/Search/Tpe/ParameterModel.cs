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

    /// <summary>The model of a parameter, or null when it has too few good observations to be worth one.</summary>
    public static ParameterModel? Create(ParameterSpec spec, IReadOnlyList<TpeObservation> good, IReadOnlyList<TpeObservation> bad, double priorWeight)
    {
        const int MinGood = 2;
        switch (spec)
        {
            case FloatParameter or IntParameter:
            {
                var scale = NumericScale.Of(spec);
                var goodValues = NumericValues(spec.Name, good, scale);
                return goodValues.Count < MinGood ? null : new NumericModel(scale,
                    new ParzenEstimator(goodValues, scale.Low, scale.High, priorWeight),
                    new ParzenEstimator(NumericValues(spec.Name, bad, scale), scale.Low, scale.High, priorWeight));
            }
            case CategoricalParameter categorical:
            {
                var goodChoices = ChoiceIndices(categorical, good);
                return goodChoices.Count < MinGood ? null : new CategoricalModel(categorical,
                    new CategoricalEstimator(goodChoices, categorical.Choices.Count, priorWeight),
                    new CategoricalEstimator(ChoiceIndices(categorical, bad), categorical.Choices.Count, priorWeight));
            }
            default:
                return null;
        }
    }

    private static List<double> NumericValues(string name, IReadOnlyList<TpeObservation> observations, NumericScale scale)
    {
        var values = new List<double>();
        foreach (var o in observations)
            if (o.Parameters.Values.TryGetValue(name, out var v) && v is double d && scale.Contains(d))
                values.Add(scale.ToInternal(d));
        return values;
    }

    private static List<int> ChoiceIndices(CategoricalParameter spec, IReadOnlyList<TpeObservation> observations)
    {
        var indices = new List<int>();
        foreach (var o in observations)
            if (o.Parameters.Values.TryGetValue(spec.Name, out var v) && IndexOf(spec, v) is var i and >= 0)
                indices.Add(i);
        return indices;
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
