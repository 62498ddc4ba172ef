using System.Globalization;
using Tuner.Reports.Model;

namespace Tuner.Reports.Analysis;

/// <summary>The knobs the complete trials set, each as numbers (when every value parses) or as choices.</summary>
internal sealed record KnobValues(string Knob, IReadOnlyList<(ReportTrial Trial, string Text)> Settings)
{
    public bool IsNumeric { get; } = Settings.All(s => TryNumber(s.Text, out _));

    /// <summary>The distinct settings in ordinal order: a choice's index is its code in charts and models.</summary>
    public IReadOnlyList<string> Choices { get; } = Ordered(Settings);

    private readonly Dictionary<string, int> codes =
        Ordered(Settings).Select((text, index) => (text, index)).ToDictionary(c => c.text, c => c.index, StringComparer.Ordinal);

    /// <summary>The index of a setting in <see cref="Choices"/>, or −1 for one the trials never used.</summary>
    public int CodeOf(string text) => codes.GetValueOrDefault(text, -1);

    /// <summary>True when the trials tried more than one setting, so the knob can show an effect.</summary>
    public bool Varies => Choices.Count > 1;

    public static IReadOnlyList<KnobValues> From(IReadOnlyList<ReportTrial> trials)
    {
        var complete = Complete(trials);
        var knobs = new List<KnobValues> { new("trainer", complete.Select(t => (t, t.Trainer)).ToList()) };
        foreach (var name in complete.SelectMany(t => t.Parameters.Keys).Distinct().Order(StringComparer.Ordinal))
            knobs.Add(new(name, complete.Where(t => t.Parameters.ContainsKey(name)).Select(t => (t, t.Parameters[name])).ToList()));
        return knobs;
    }

    public static List<ReportTrial> Complete(IReadOnlyList<ReportTrial> trials) =>
        trials.Where(t => t.State == "complete" && t.Value is { } v && double.IsFinite(v)).ToList();

    private static List<string> Ordered(IEnumerable<(ReportTrial Trial, string Text)> settings) =>
        settings.Select(s => s.Text).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The setting as a number, NaN when it is not one.</summary>
    public static double Number(string text) => TryNumber(text, out var value) ? value : double.NaN;

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
