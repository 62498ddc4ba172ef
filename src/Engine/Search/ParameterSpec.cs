using System.Globalization;

namespace Tuner.Search;

/// <summary>Makes a parameter active only when an earlier parameter has one of the given values.</summary>
public sealed record Condition(string Parent, IReadOnlyList<string> Values)
{
    public bool Holds(IReadOnlyDictionary<string, object> chosen) =>
        chosen.TryGetValue(Parent, out var value) && Values.Contains(Format(value));

    public static string Format(object value) => value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : value.ToString() ?? "";
}

/// <summary>One searchable hyper-parameter of a trainer.</summary>
public abstract record ParameterSpec(string Name, Condition? When)
{
    /// <summary>Draws a value: a double or a string.</summary>
    public abstract object Sample(Random random);

    /// <summary>Why this entry never produces <paramref name="value"/>, or null when it can.</summary>
    public abstract string? Rejects(object value);

    protected static string Show(object value) => value is string text ? $"\"{text}\"" : Condition.Format(value);
}

/// <summary>A real number in [Low, High], uniform or uniform in log space.</summary>
public sealed record FloatParameter(string Name, double Low, double High, bool Log, Condition? When) : ParameterSpec(Name, When)
{
    public override object Sample(Random random) => Log
        ? Math.Exp(Math.Log(Low) + random.NextDouble() * (Math.Log(High) - Math.Log(Low)))
        : Low + random.NextDouble() * (High - Low);

    public override string? Rejects(object value) =>
        value is double d && d >= Low && d <= High ? null : $"{Show(value)} is not a number in [{Show(Low)}, {Show(High)}]";
}

/// <summary>An integer in [Low, High] inclusive, uniform or log-uniform.</summary>
public sealed record IntParameter(string Name, int Low, int High, bool Log, Condition? When) : ParameterSpec(Name, When)
{
    public override object Sample(Random random)
    {
        if (!Log) return (double)random.Next(Low, High + 1);
        // Floor of a log-uniform draw on [Low, High + 1): every integer reachable, small ones more often.
        var value = Math.Exp(Math.Log(Low) + random.NextDouble() * (Math.Log(High + 1.0) - Math.Log(Low)));
        return (double)Math.Clamp((int)Math.Floor(value), Low, High);
    }

    public override string? Rejects(object value) =>
        value is double d && d == Math.Floor(d) && d >= Low && d <= High ? null : $"{Show(value)} is not a whole number in [{Low}, {High}]";
}

/// <summary>One of a list of choices (strings or numbers).</summary>
public sealed record CategoricalParameter(string Name, IReadOnlyList<object> Choices, Condition? When) : ParameterSpec(Name, When)
{
    public override object Sample(Random random) => Choices[random.Next(Choices.Count)];

    public override string? Rejects(object value) =>
        Choices.Any(c => Condition.Format(c) == Condition.Format(value)) ? null : $"{Show(value)} is not one of {string.Join(", ", Choices.Select(Show))}";
}

/// <summary>A value that is set, not searched.</summary>
public sealed record FixedParameter(string Name, object Value, Condition? When) : ParameterSpec(Name, When)
{
    public override object Sample(Random random) => Value;

    public override string? Rejects(object value) =>
        Condition.Format(value) == Condition.Format(Value) ? null : $"{Show(value)} differs from the fixed value {Show(Value)}";
}
