using System.Globalization;
using Tuner.Reports.Model;

namespace Tuner.Reports.Analysis;

/// <summary>The knobs the complete trials set, each as numbers (when every value parses) or as choices.</summary>
public sealed record KnobValues(string Knob, IReadOnlyList<(ReportTrial Trial, string Text)> Settings)
{
    public bool IsNumeric => Settings.All(s => TryNumber(s.Text, out _));

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

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
