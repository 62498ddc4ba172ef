using System.Globalization;
using Tuner.Trainers.Training;

namespace Tuner.Trainers.Components;

/// <summary>
/// One parameter a component reads (a trainer's hyper-parameter, a sampler's setting): its name, kind, valid
/// values, default and a one-line description. Search spaces and --sampler/--pruner settings are checked against
/// it before the first trial; components read their values through it, so the default lives here only.
/// Values are as <see cref="HyperParameters"/> holds them: a <see cref="double"/> or a <see cref="string"/>.
/// </summary>
internal sealed record ParameterInfo
{
    private ParameterInfo(string name, ParameterKind kind, object? defaultValue, string description)
    {
        Name = name;
        Kind = kind;
        Default = defaultValue;
        Description = description;
    }

    public string Name { get; }

    public ParameterKind Kind { get; }

    /// <summary>A double or a string; null when it is not a constant (see <see cref="DefaultText"/>).</summary>
    public object? Default { get; }

    /// <summary>The default in words: the constant, or what decides it ("ML.NET's", "hidden_size").</summary>
    public string DefaultText => Default is not null ? Format(Default) : defaultText ?? "none";

    private string? defaultText;

    public string Description { get; }

    public double Min { get; private init; } = double.NegativeInfinity;

    public double Max { get; private init; } = double.PositiveInfinity;

    public bool MinExclusive { get; private init; }

    public bool MaxExclusive { get; private init; }

    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>For a choice that also takes free-form text (class weights "1,5"): whether a value is such text, and what it looks like.</summary>
    public (Func<string, bool> Accepts, string Text)? AlsoAccepts { get; private init; }

    public static ParameterInfo Float(string name, double? defaultValue, string description,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity, bool minExclusive = false, bool maxExclusive = false) =>
        new(name, ParameterKind.Float, defaultValue, description) { Min = min, Max = max, MinExclusive = minExclusive, MaxExclusive = maxExclusive };

    public static ParameterInfo Int(string name, int? defaultValue, string description, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, ParameterKind.Int, (double?)defaultValue, description) { Min = min, Max = max };

    public static ParameterInfo Choice(string name, string defaultValue, string description, IReadOnlyList<string> choices) =>
        new(name, ParameterKind.Choice, defaultValue, description) { Choices = choices };

    public static ParameterInfo Bool(string name, bool? defaultValue, string description) =>
        new(name, ParameterKind.Bool, defaultValue is null ? null : defaultValue.Value ? "true" : "false", description);

    /// <summary>This parameter without a constant default, described by <paramref name="text"/> instead.</summary>
    public ParameterInfo DefaultingTo(string text) => this with { defaultText = text };

    /// <summary>This choice, also accepting text that <paramref name="accepts"/> (described by <paramref name="text"/>).</summary>
    public ParameterInfo OrText(Func<string, bool> accepts, string text) => this with { AlsoAccepts = (accepts, text) };

    /// <summary>What the parameter accepts, as a phrase: "a positive number", "a whole number of at least 1", "one of: a, b".</summary>
    public string Allowed => Kind switch
    {
        ParameterKind.Float => "a " + NumberRange("number"),
        ParameterKind.Int => "a " + NumberRange("whole number"),
        ParameterKind.Bool => "on or off",
        _ => $"one of: {string.Join(", ", Choices)}" + (AlsoAccepts is { } text ? $", or {text.Text}" : ""),
    };

    /// <summary>Null when <paramref name="value"/> (a double or a string) is acceptable; otherwise why not, as a phrase.</summary>
    public string? Problem(object value)
    {
        var text = Format(value);
        switch (Kind)
        {
            case ParameterKind.Float or ParameterKind.Int:
                if (value is not double number) return $"'{text}' is not a number; {Name} takes {Allowed}";
                if (Kind == ParameterKind.Int && number != Math.Floor(number)) return $"{text} is not a whole number; {Name} takes {Allowed}";
                return InRange(number) ? null : $"{text} is outside the valid range; {Name} takes {Allowed}";
            case ParameterKind.Bool:
                return ParseBool(text) is null ? $"'{text}' is not on or off (true or false)" : null;
            default:
                var choice = text.Trim().ToLowerInvariant();
                return Choices.Contains(choice) || AlsoAccepts is { } also && also.Accepts(choice) ? null : $"'{text}' is not {Allowed}";
        }
    }

    public bool InRange(double value) =>
        double.IsFinite(value)
        && (MinExclusive ? value > Min : value >= Min)
        && (MaxExclusive ? value < Max : value <= Max);

    /// <summary>The value, checked: an <see cref="ArgumentException"/> naming the parameter when it is out of range.</summary>
    public double Require(double value) =>
        InRange(value) ? value : throw new ArgumentException($"{Name} must be {Allowed}, got {Format(value)}.");

    public double ReadDouble(HyperParameters parameters) => Require(parameters.GetDouble(Name, DefaultNumber));

    public int ReadInt(HyperParameters parameters) => (int)Require(parameters.GetInt(Name, (int)DefaultNumber));

    /// <summary>The value in lower case, trimmed, as choices compare it.</summary>
    public string ReadChoice(HyperParameters parameters) =>
        parameters.GetString(Name, Default as string ?? "").Trim().ToLowerInvariant();

    /// <summary>"on"/"true"/"yes" → true, "off"/"false"/"no" → false, anything else null.</summary>
    public static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "yes" or "1" => true,
        "false" or "off" or "no" or "0" => false,
        _ => null,
    };

    public static string Format(object value) => HyperParameters.Format(value);

    private double DefaultNumber => Default is double d ? d : throw new InvalidOperationException($"{Name} has no default of its own; read it where the library's default applies.");

    private string NumberRange(string noun)
    {
        string Bound(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        bool low = double.IsFinite(Min) && Min > int.MinValue, high = double.IsFinite(Max) && Max < int.MaxValue;
        if (!low && !high) return noun;
        if (Kind == ParameterKind.Int)
            return high ? low ? $"{noun} from {Bound(Min)} to {Bound(Max)}" : $"{noun} of at most {Bound(Max)}" : $"{noun} of at least {Bound(Min)}";
        if (low && !high && Min == 0) return MinExclusive ? $"positive {noun}" : $"{noun} ≥ 0";
        if (!high) return $"{noun} {(MinExclusive ? ">" : "≥")} {Bound(Min)}";
        if (!low) return $"{noun} {(MaxExclusive ? "<" : "≤")} {Bound(Max)}";
        return $"{noun} in {(MinExclusive ? "(" : "[")}{Bound(Min)}, {Bound(Max)}{(MaxExclusive ? ")" : "]")}";
    }
}
