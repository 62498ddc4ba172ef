using System.Globalization;
using Tuner.Trainers.Training;

namespace Tuner.Search.Grid;

/// <summary>The values a parameter takes on the grid.</summary>
internal static class GridValues
{
    /// <summary>
    /// Categorical choices as given (a repeated one once), a fixed value alone, <paramref name="steps"/> evenly spaced floats (in log
    /// space when Log) from low to high, and every integer of the range unless there are more than
    /// <paramref name="steps"/>, then as many evenly spaced ones (rounded, without repeats).
    /// </summary>
    public static IReadOnlyList<object> Of(ParameterSpec spec, int steps) => spec switch
    {
        CategoricalParameter c => c.Choices.DistinctBy(HyperParameters.Format).ToList(),
        FixedParameter f => [f.Value],
        FloatParameter f => Spaced(f.Low, f.High, f.Log, steps).Cast<object>().ToList(),
        IntParameter i when i.High - i.Low + 1 <= steps => Enumerable.Range(i.Low, i.High - i.Low + 1).Select(v => (object)(double)v).ToList(),
        IntParameter i => Spaced(i.Low, i.High, i.Log, steps).Select(v => Math.Round(v, MidpointRounding.AwayFromZero)).Distinct().Cast<object>().ToList(),
        _ => throw new ArgumentException($"Unknown parameter kind {spec.GetType().Name}.", nameof(spec)),
    };

    /// <summary>12 significant digits: the log-space midpoint of 0.001 and 0.1 is 0.01, not 0.010000000000000002.</summary>
    private static double Tidy(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static IEnumerable<double> Spaced(double low, double high, bool log, int steps)
    {
        if (steps == 1)
        {
            yield return log ? Math.Sqrt(low * high) : 0.5 * (low + high);
            yield break;
        }

        var (a, b) = log ? (Math.Log(low), Math.Log(high)) : (low, high);
        for (var k = 0; k < steps; k++)
        {
            // The ends are returned exactly, so the grid shows 1e-07 rather than 9.999999999999997E-08.
            if (k == 0) yield return low;
            else if (k == steps - 1) yield return high;
            else
            {
                var u = a + (b - a) * k / (steps - 1);
                yield return Tidy(log ? Math.Exp(u) : u);
            }
        }
    }
}
