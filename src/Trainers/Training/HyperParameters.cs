using System.Collections.Immutable;
using System.Globalization;

namespace Tuner.Trainers.Training;

/// <summary>
/// The values a sampler chose for one trial: names mapped to numbers or strings. Trainers read them
/// with a default for anything the space did not set.
/// </summary>
public sealed class HyperParameters
{
    public static readonly HyperParameters Empty = new(ImmutableSortedDictionary<string, object>.Empty);

    public HyperParameters(IEnumerable<KeyValuePair<string, object>> values)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            builder[name] = value switch
            {
                string or double => value,
                int or long or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                _ => throw new ArgumentException($"Parameter '{name}' has unsupported type {value.GetType().Name}."),
            };
        }

        Values = builder.ToImmutable();
    }

    /// <summary>Each value is a <see cref="double"/> or a <see cref="string"/>.</summary>
    public ImmutableSortedDictionary<string, object> Values { get; }

    private string? text;

    public bool Has(string name) => Values.ContainsKey(name);

    /// <summary>These values with <see cref="ParameterNames.Seed"/> set to <paramref name="seed"/>, unless the space fixed it.</summary>
    public HyperParameters WithSeed(int seed) =>
        Has(ParameterNames.Seed) ? this : new HyperParameters(Values.Append(new(ParameterNames.Seed, (double)seed)));

    public double GetDouble(string name, double defaultValue) =>
        Values.TryGetValue(name, out var v) ? v switch
        {
            double d => d,
            string s => double.Parse(s, CultureInfo.InvariantCulture),
            _ => defaultValue,
        } : defaultValue;

    public int GetInt(string name, int defaultValue) =>
        Values.ContainsKey(name) ? (int)Math.Round(GetDouble(name, defaultValue)) : defaultValue;

    public string GetString(string name, string defaultValue) =>
        Values.TryGetValue(name, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? defaultValue : defaultValue;

    public bool GetBool(string name, bool defaultValue) =>
        Values.ContainsKey(name) ? GetString(name, "false") is "true" or "1" : defaultValue;

    /// <summary>A stable text form, used to detect duplicate configurations; computed once, as samplers compare thousands per proposal.</summary>
    public override string ToString() =>
        text ??= string.Join(", ", Values.Select(kv => $"{kv.Key}={Format(kv.Value)}"));

    public static string Format(object value) =>
        value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
