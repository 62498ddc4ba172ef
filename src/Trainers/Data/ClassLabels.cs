using System.Globalization;

namespace Tuner.Trainers.Data;

/// <summary>
/// Class names and how a label cell finds its class, for the tuner and the production library alike.
/// Numeric labels that are equal as numbers are one class ("1" and "1.0"), named by the number's shortest
/// invariant form ("1"); other labels are compared as text.
/// </summary>
internal static class ClassLabels
{
    /// <summary>The name of the class <paramref name="label"/> (trimmed) belongs to.</summary>
    public static string Name(string label) => TryNumber(label, out var number) ? Canonical(number) : label;

    /// <summary>The index of <paramref name="label"/>'s class in <paramref name="classes"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        var name = Name(label);
        for (var i = 0; i < classes.Count; i++)
            if (string.Equals(classes[i], name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>
    /// Orders two binary classes negative first. The positive class is <paramref name="requested"/> when
    /// given; otherwise the true side of a pair such as 0/1, false/true, no/yes, n/y; otherwise the rarer class
    /// (the second in order on a tie), because that is the one F1 and PR-AUC should be about.
    /// </summary>
    public static IReadOnlyList<string> BinaryOrder(IReadOnlyList<string> sorted, Func<string, int> count, string? requested)
    {
        if (sorted.Count != 2) throw new ArgumentException("A binary label has two classes.", nameof(sorted));
        if (requested is not null)
        {
            var index = IndexOf(sorted, requested);
            if (index < 0) throw new ArgumentException($"'{requested}' is not one of the classes {sorted[0]}, {sorted[1]}.", nameof(requested));
            return [sorted[1 - index], sorted[index]];
        }

        var truth = CellFormat.Default;
        var flags = sorted.Select(truth.Boolean).ToArray();
        if (flags[0] is { } first && flags[1] is { } second && first != second)
            return first > second ? [sorted[1], sorted[0]] : sorted;
        var positive = count(sorted[0]) < count(sorted[1]) ? 0 : 1;
        return [sorted[1 - positive], sorted[positive]];
    }

    /// <summary>Distinct class names in order: by value when all are numbers, otherwise ordinal.</summary>
    public static List<string> Sorted(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        return distinct.All(n => TryNumber(n, out _))
            ? distinct.OrderBy(n => double.Parse(n, CultureInfo.InvariantCulture)).ToList()
            : distinct.OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private static string Canonical(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
