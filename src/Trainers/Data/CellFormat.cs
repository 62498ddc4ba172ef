using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Tuner.Trainers.Data;

/// <summary>
/// How a raw CSV cell becomes a value: the one definition the tuner, <c>TunedSettings.LoadCsv</c>,
/// <c>tuner predict</c> and the pipeline inside model.zip all apply (the pipeline through the ML.NET
/// expressions <see cref="TextExpression"/> and <see cref="BooleanExpression"/>, generated from these
/// same settings). It is recorded in best.json.
/// <list type="bullet">
/// <item>A number: the cell without surrounding white space, in invariant culture; a cell in
/// <see cref="NumericMissing"/> (any case) is missing. These are the cells ML.NET's loader reads as NaN.</item>
/// <item>Text (categorical, yes/no and free-text columns): up to <see cref="TrimSpaces"/> leading and
/// trailing spaces are removed; what is then in <see cref="TextMissing"/> (exactly) is missing. A
/// category named "NA" stays a category unless the policy lists it.</item>
/// <item>A yes/no value: text in <see cref="TrueWords"/> or <see cref="FalseWords"/> (any case).</item>
/// </list>
/// </summary>
public sealed record CellFormat(
    [property: Description("Leading and trailing spaces removed from a text cell, at most this many on each side.")] int TrimSpaces,
    [property: Description("Cells of a numeric column that are missing (compared without case, after trimming white space).")] IReadOnlyList<string> NumericMissing,
    [property: Description("Cells of a text column (categorical, yes/no, free text) that are missing, after trimming spaces; exact match.")] IReadOnlyList<string> TextMissing,
    [property: Description("Words of a yes/no column read as 1 (compared without case).")] IReadOnlyList<string> TrueWords,
    [property: Description("Words of a yes/no column read as 0 (compared without case).")] IReadOnlyList<string> FalseWords)
{
    /// <summary>The powers of two the trimming expression strips in turn: together, up to 63 spaces a side.</summary>
    private static readonly int[] TrimSteps = [32, 16, 8, 4, 2, 1];

    public static CellFormat Default { get; } = new(
        TrimSpaces: 63,
        NumericMissing: ["", "NA", "N/A", "NaN", "?", "null"],
        TextMissing: [""],
        TrueWords: ["true", "yes", "t", "y", "1"],
        FalseWords: ["false", "no", "f", "n", "0"]);

    /// <summary>The settings with <paramref name="tokens"/> also missing in text columns.</summary>
    public CellFormat WithTextMissing(IEnumerable<string> tokens) =>
        this with { TextMissing = TextMissing.Concat(tokens.Select(t => t.Trim(' '))).Distinct(StringComparer.Ordinal).ToList() };

    public bool IsNumericMissing(string raw) => IsNumericMissing(raw.AsSpan());

    public bool IsNumericMissing(ReadOnlySpan<char> raw)
    {
        var cell = raw.Trim();
        foreach (var token in NumericMissing)
            if (cell.Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A number cell's value; false when the cell is neither a number nor missing (then value is NaN).</summary>
    public bool TryNumber(string? raw, out float value)
    {
        if (raw is not null) return TryNumber(raw.AsSpan(), out value);
        value = float.NaN;
        return true;
    }

    /// <inheritdoc cref="TryNumber(string?, out float)"/>
    public bool TryNumber(ReadOnlySpan<char> raw, out float value)
    {
        value = float.NaN;
        if (IsNumericMissing(raw)) return true;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number)) return false;
        value = (float)number;
        return true;
    }

    /// <summary>True when the cell is a finite number (not missing).</summary>
    public bool IsNumber(string raw) => !IsNumericMissing(raw) && TryNumber(raw, out _);

    /// <summary>A text cell's value: spaces trimmed; null when missing.</summary>
    public string? Text(string? raw)
    {
        if (raw is null) return null;
        var start = 0;
        while (start < raw.Length && start < TrimSpaces && raw[start] == ' ') start++;
        var end = raw.Length;
        while (end > start && raw.Length - end < TrimSpaces && raw[end - 1] == ' ') end--;
        var text = raw[start..end];
        return TextMissing.Contains(text, StringComparer.Ordinal) ? null : text;
    }

    /// <summary>1 or 0 for a yes/no word (already trimmed), null for anything else.</summary>
    public float? Boolean(string text) =>
        TrueWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? 1f
        : FalseWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? 0f
        : null;

    /// <summary>
    /// An ML.NET expression (ml.Transforms.Expression) over one text column that gives <see cref="Text"/>'s
    /// result, empty for missing. The expression language has no trim, so spaces are cut in halving steps.
    /// </summary>
    public string TextExpression()
    {
        if (TrimSpaces != 63) throw new NotSupportedException("The pipeline trims up to 63 spaces a side.");
        var steps = new List<string> { "s0 = x" };
        foreach (var k in TrimSteps) steps.Add($"s{steps.Count} = (right(s{steps.Count - 1}, -{k}) == {Literal(new string(' ', k))} ? left(s{steps.Count - 1}, -{k}) : s{steps.Count - 1})");
        foreach (var k in TrimSteps) steps.Add($"s{steps.Count} = (left(s{steps.Count - 1}, {k}) == {Literal(new string(' ', k))} ? right(s{steps.Count - 1}, {k}) : s{steps.Count - 1})");
        var last = $"s{steps.Count - 1}";
        var missing = TextMissing.Where(t => t.Length > 0).Select(t => $"{last} == {Literal(t)}").ToList();
        var body = missing.Count == 0 ? last : $"{string.Join(" or ", missing)} ? \"\" : {last}";
        return $"x => with({string.Join(", ", steps)}; {body})";
    }

    /// <summary>An ML.NET expression over one trimmed text column (<see cref="TextExpression"/>'s output): 1, 0, or NaN.</summary>
    public string BooleanExpression()
    {
        static string AnyOf(IEnumerable<string> words) => string.Join(" or ", words.Select(w => $"t == {Literal(w.ToLowerInvariant())}"));
        return $"x => with(t = lower(x); {AnyOf(TrueWords)} ? 1.0f : {AnyOf(FalseWords)} ? 0.0f : na(0.0f))";
    }

    private static string Literal(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var ch in text) quoted.Append(ch is '"' or '\\' ? "\\" + ch : ch.ToString());
        return quoted.Append('"').ToString();
    }

    /// <summary>Every list in the policy, for checks of a hand-edited best.json.</summary>
    [JsonIgnore]
    internal string? Problem =>
        TrimSpaces != 63 ? $"cells.trimSpaces must be 63, not {TrimSpaces}."
        : TrueWords.Count == 0 || FalseWords.Count == 0 ? "cells needs at least one true word and one false word."
        : TrueWords.Intersect(FalseWords, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both ? $"cells lists '{both}' as both a true and a false word."
        : null;
}
