using System.Globalization;
using Tuner.Trainers.Components;

namespace Tuner.Search;

/// <summary>
/// A sampler or pruner as named on the command line, with optional settings: "tpe", "tpe:candidates=48,startup=5",
/// "asha:min-resource=2,eta=4". The whole text is stored in the study's plan, so every worker builds the same one.
/// Unknown settings and bad values are rejected, against the component's registered settings, with the option, the
/// setting and what it accepts.
/// </summary>
internal sealed class ComponentSpec
{
    private readonly string option;
    private readonly string text;
    private readonly Dictionary<string, string> settings;

    private ComponentSpec(string option, string text, string name, Dictionary<string, string> settings) =>
        (this.option, this.text, Name, this.settings) = (option, text, name, settings);

    public string Name { get; }

    /// <param name="option">The command-line option the text came from, for error messages ("--sampler").</param>
    public static ComponentSpec Parse(string text, string option)
    {
        var colon = text.IndexOf(':');
        var name = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            foreach (var part in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=');
                if (equals <= 0 || equals == part.Length - 1)
                    throw new UserInputException($"{option} {text}: '{part}' is not a setting; write {name}:name=value[,name=value...].");
                if (!settings.TryAdd(part[..equals].Trim(), part[(equals + 1)..].Trim()))
                    throw new UserInputException($"{option} {text}: '{part[..equals].Trim()}' is given twice; give each setting once.");
            }
        }

        return new ComponentSpec(option, text, name, settings);
    }

    /// <summary>
    /// Rejects any setting that is not one of <paramref name="known"/> (the component's registered settings) or whose
    /// value is not what that setting takes.
    /// </summary>
    public ComponentSpec Check(IReadOnlyList<ParameterInfo> known)
    {
        foreach (var (key, raw) in settings)
        {
            var info = known.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new UserInputException(known.Count == 0
                    ? $"{option} {text}: {Name} takes no settings; give just '{Name}'."
                    : $"{option} {text}: '{key}' is not a setting of {Name}; choose from {string.Join(", ", known.Select(k => k.Name))}.");
            if (Parse(info, raw) is null)
                throw new UserInputException(info.Kind == ParameterKind.Bool || info.Default is null
                    ? $"{option} {text}: {key}={raw} must be {info.Allowed}."
                    : $"{option} {text}: {key}={raw} must be {info.Allowed}, e.g. {key}={ParameterInfo.Format(info.Default)}.");
        }

        return this;
    }

    /// <summary>The setting's value, or its registered default; call after <see cref="Check"/>.</summary>
    public int Int(ParameterInfo setting) => (int)Value(setting);

    public double Double(ParameterInfo setting) => Value(setting);

    public bool Bool(ParameterInfo setting, bool fallback) =>
        settings.TryGetValue(setting.Name, out var raw) ? ParameterInfo.ParseBool(raw)!.Value : fallback;

    private double Value(ParameterInfo setting) =>
        settings.TryGetValue(setting.Name, out var raw) ? (double)Parse(setting, raw)! : (double)setting.Default!;

    /// <summary>The value as the setting takes it (an integer, a number, or a bool as 1/0), or null when it is not one.</summary>
    private static double? Parse(ParameterInfo setting, string raw)
    {
        switch (setting.Kind)
        {
            case ParameterKind.Int:
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) && setting.InRange(whole) ? whole : null;
            case ParameterKind.Float:
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && setting.InRange(number) ? number : null;
            case ParameterKind.Bool:
                return ParameterInfo.ParseBool(raw) is { } flag ? flag ? 1 : 0 : null;
            default:
                return setting.Problem(raw) is null ? 0 : null;
        }
    }
}
