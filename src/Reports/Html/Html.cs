using System.Globalization;
using System.Net;

namespace Tuner.Reports.Html;

/// <summary>Small helpers for writing HTML: every piece of text from data goes through <see cref="Text"/>.</summary>
internal static class Html
{
    public static string Text(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string Number(double? value, string format = "G5") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    /// <summary>A value for a sortable cell: numbers sort numerically, missing ones last.</summary>
    public static string SortKey(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
