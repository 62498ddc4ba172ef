namespace Tuner.Search.Tpe;

/// <summary>Maps a float or int parameter to and from the internal space its Parzen estimator works in.</summary>
internal sealed record NumericScale(double Low, double High, bool Log, bool IsInt, double ValueLow, double ValueHigh)
{
    public static NumericScale Of(ParameterSpec spec) => spec switch
    {
        FloatParameter f => new NumericScale(Map(f.Low, f.Log), Map(f.High, f.Log), f.Log, false, f.Low, f.High),
        // Half a unit either side gives the end integers the same share of the range as the inner ones.
        IntParameter i => new NumericScale(Map(i.Low - 0.5, i.Log), Map(i.High + 0.5, i.Log), i.Log, true, i.Low, i.High),
        _ => throw new ArgumentException($"'{spec.Name}' is not numeric.", nameof(spec)),
    };

    public bool Contains(double value) => value >= ValueLow && value <= ValueHigh;

    public double ToInternal(double value) => Map(value, Log);

    public double FromInternal(double u)
    {
        var value = Log ? Math.Exp(u) : u;
        return Math.Clamp(IsInt ? Math.Round(value, MidpointRounding.AwayFromZero) : value, ValueLow, ValueHigh);
    }

    private static double Map(double value, bool log) => log ? Math.Log(value) : value;
}
