using System.Globalization;

namespace Tuner.Search;

/// <summary>
/// A sampler or pruner as named on the command line, with optional settings: "tpe", "tpe:candidates=48,startup=5",
/// "asha:min-resource=2,eta=4". The whole text is stored in the study's plan, so every worker builds the same one.
/// Unknown settings and bad values are rejected with the option, the setting and what it accepts.
/// </summary>
public sealed class ComponentSpec
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

    /// <summary>Rejects any setting not in <paramref name="known"/>.</summary>
    public ComponentSpec Allow(params string[] known)
    {
        foreach (var key in settings.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)))
            throw new UserInputException(known.Length == 0
                ? $"{option} {text}: {Name} takes no settings; give just '{Name}'."
                : $"{option} {text}: '{key}' is not a setting of {Name}; choose from {string.Join(", ", known)}.");
        return this;
    }

    public int Int(string key, int fallback, int min)
    {
        if (!settings.TryGetValue(key, out var raw)) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new UserInputException($"{option} {text}: {key}={raw} must be a whole number of at least {min}, e.g. {key}={Math.Max(fallback, min)}.");
        return value;
    }

    public double Double(string key, double fallback)
    {
        if (!settings.TryGetValue(key, out var raw)) return fallback;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
            throw new UserInputException($"{option} {text}: {key}={raw} must be a positive number, e.g. {key}={fallback.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!settings.TryGetValue(key, out var raw)) return fallback;
        return raw.ToLowerInvariant() switch
        {
            "true" or "on" or "yes" => true,
            "false" or "off" or "no" => false,
            _ => throw new UserInputException($"{option} {text}: {key}={raw} must be on or off."),
        };
    }
}
